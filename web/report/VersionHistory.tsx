import { useI18n } from '../i18n/index.js';

/** The versions of a published list (一公开, 黑白名单), oldest first, with their correction notes; nothing for one version. */
export function VersionHistory({ versions }: { versions: readonly { version: number; publishedAt: string; correctionNote: string | null }[] }) {
  const { t } = useI18n();
  if (versions.length <= 1) return null;
  return (
    <section className="report-section">
      <h3>{t('publicResults.history')}</h3>
      <ul className="public-results__versions">
        {versions.map((v) => (
          <li key={v.version}>
            {t('publicResults.version', { version: v.version, at: v.publishedAt.slice(0, 10) })}
            {v.correctionNote ? ` — ${v.correctionNote}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
