import type { ResponsibilityMatrix } from '../../server/contract/clue-loop.js';
import { useI18n, type Translate } from '../i18n/index.js';
import { shanghaiMinute } from './format.js';

// The matrix's versions, newest first: who stored each, when, what it changed against the one before, and which is in
// force (the newest).

type Version = ResponsibilityMatrix['versions'][number];

const FIELD_KEYS = {
  suspectedTypes: 'matrix.col.types',
  institutionCategories: 'matrix.col.categories',
  lead: 'matrix.col.lead',
  co: 'matrix.col.co',
  reason: 'matrix.col.reason',
} as const;

function changeLines(t: Translate, changes: NonNullable<Version['changes']>): string[] {
  const lines: string[] = [];
  if (changes.added.length) lines.push(t('matrix.history.added', { ids: changes.added.join(t('matrix.listSeparator')) }));
  if (changes.removed.length) lines.push(t('matrix.history.removed', { ids: changes.removed.join(t('matrix.listSeparator')) }));
  for (const c of changes.changed)
    lines.push(t('matrix.history.changed', { id: c.id, fields: c.fields.map((f) => (f in FIELD_KEYS ? t(FIELD_KEYS[f as keyof typeof FIELD_KEYS]) : f)).join(t('matrix.listSeparator')) }));
  if (changes.reordered) lines.push(t('matrix.history.reordered'));
  return lines.length ? lines : [t('matrix.history.noChange')];
}

export function MatrixHistory({ versions, inForce }: { versions: readonly Version[]; inForce: number }) {
  const { t } = useI18n();
  return (
    <section className="desk-block matrix-history" aria-labelledby="matrix-history-title">
      <h3 id="matrix-history-title">{t('matrix.history.title')}</h3>
      <ol className="matrix-versions" data-testid="matrix-history">
        {versions.map((v) => (
          <li key={v.version} className={`matrix-version${v.version === inForce ? ' matrix-version--current' : ''}`} data-testid="matrix-version" data-version={v.version} data-current={v.version === inForce ? 'true' : 'false'}>
            <div className="matrix-version__head">
              <strong>{t('matrix.version', { n: v.version })}</strong>
              {v.version === inForce && <span className="desk-badge matrix-badge--current">{t('matrix.inForce')}</span>}
              <span className="hint">{t('matrix.history.by', { who: v.createdBy === 'system' ? t('matrix.history.system') : v.createdBy, when: v.createdBy === 'system' ? '—' : shanghaiMinute(v.createdAt) })}</span>
            </div>
            <ul className="matrix-version__changes" data-testid="matrix-version-changes">
              {v.changes ? changeLines(t, v.changes).map((line) => <li key={line}>{line}</li>) : <li>{t('matrix.history.first', { n: v.ruleCount })}</li>}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
