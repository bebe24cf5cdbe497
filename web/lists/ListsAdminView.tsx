import { useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { ListEntryBody, ListPublicationBody } from '../../server/contract/list-publications.js';
import { monthOf } from '../../server/domain/list-publication.js';
import { errorMessage, type ApiError } from '../api/errors.js';
import { previewOrPublishLists, useListPublication, useListPublications } from '../api/lists.js';
import { TableHead } from '../dispatch/TableHead.js';
import { useI18n, type Language, type MessageKey } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { canSeeListPublications, publicListsPath } from '../navigation.js';
import { ForbiddenPanel } from '../panels/ForbiddenPanel.js';
import { PageHeader } from '../panels/PageHeader.js';
import { TopBar } from '../panels/TopBar.js';
import '../walls/displays.css';
import './lists.css';

// 黑白名单发布 (`?page=lists`): an administrator previews a month (a dry run with the difference from the month before)
// and publishes it, or a correction as the month's next version; the published versions with their public pages. A
// district leader reads the district's published entries with their credit tiers. The page reads and writes; the tables
// get their rows as props.

export interface ListsAdminViewProps {
  user: Me;
  /** Today in Shanghai (YYYY-MM-DD): the month offered first. */
  today: string;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

/** The 409 of a publication whose lists no longer equal the preview sent with it (previewDigest). */
const isStalePreview = (error: ApiError): boolean =>
  error.status === 409 && typeof error.details === 'object' && error.details !== null && 'previewDigest' in error.details;

export function ListsAdminView({ user, today, onLanguage, onLogout, onBack }: ListsAdminViewProps) {
  const { t } = useI18n();
  const [revision, setRevision] = useState(0);
  const versions = useListPublications(revision);
  const [month, setMonth] = useState(monthOf(today));
  const [viewed, setViewed] = useState<string | null>(null);
  const published = useListPublication(viewed, revision);
  const [preview, setPreview] = useState<ListPublicationBody | null>(null);
  const [done, setDone] = useState<ListPublicationBody | null>(null);
  const [note, setNote] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const isAdmin = user.role === 'admin';

  const shell = (children: React.ReactNode) => (
    <div className="displays-page" data-testid="lists-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="displays-main lists-admin">{children}</main>
    </div>
  );
  if (!canSeeListPublications(user.role))
    return shell(<ForbiddenPanel id="lists" code={t('audit.forbidden.code')} title={t('listsAdmin.forbidden')} body={t('listsAdmin.forbiddenBody')} back={t('listsAdmin.back')} onBack={onBack} />);

  const run = async (commit: boolean) => {
    setBusy(true);
    setError(null);
    if (!commit) setDone(null);
    try {
      const body = await previewOrPublishLists({
        month,
        commit,
        ...(correcting ? { correction: true, correctionNote: note } : {}),
        ...(commit && preview ? { previewDigest: preview.digest } : {}),
      });
      if (commit) {
        setDone(body);
        setPreview(null);
        setRevision((r) => r + 1);
        setViewed(body.month);
      } else setPreview(body);
    } catch (e) {
      const failure = e as ApiError;
      setError(failure);
      if (failure.status === 409 && !commit) setCorrecting(true);
      // The registry moved since the preview: what was looked at can no longer be published as it was.
      if (failure.status === 409 && commit) setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return shell(
    <>
      <PageHeader title={t('listsAdmin.title')} subtitle={t('listsAdmin.subtitle')} back={t('listsAdmin.back')} onBack={onBack} backTestId="lists-back" />
      <p className="lists-synthetic">{t('lists.synthetic')}</p>
      {isAdmin ? (
        <section className="panel lists-admin__form" aria-label={t('listsAdmin.title')}>
          <label>
            {t('lists.month')}
            <input type="month" value={month} max={monthOf(today)} onChange={(e) => { setMonth(e.target.value); setPreview(null); setCorrecting(false); setError(null); }} data-testid="lists-admin-month" />
          </label>
          {correcting && (
            <label>
              {t('listsAdmin.correctionNote')}
              <input type="text" value={note} onChange={(e) => setNote(e.target.value)} data-testid="lists-admin-note" />
            </label>
          )}
          <button type="button" className="button" disabled={busy || !month} onClick={() => void run(false)} data-testid="lists-admin-preview">
            {t('listsAdmin.preview')}
          </button>
          <button type="button" className="button button--accent" disabled={busy || !preview || (correcting && note.trim() === '')} onClick={() => void run(true)} data-testid="lists-admin-publish">
            {correcting ? t('listsAdmin.correct') : t('listsAdmin.publish')}
          </button>
        </section>
      ) : (
        <p className="hint">{t('listsAdmin.readOnly')}</p>
      )}
      {error && (
        <p className="state-line" role="alert" data-testid="lists-admin-error">
          {isStalePreview(error) ? t('listsAdmin.stale', { month }) : error.status === 409 && correcting ? t('listsAdmin.alreadyPublished', { month }) : t(errorMessage(error).key)}
        </p>
      )}
      {done && (
        <p className="state-line" role="status" data-testid="lists-admin-done">
          {t('listsAdmin.published', { month: done.month, version: done.version ?? 1 })} ·{' '}
          <a href={publicListsPath(done.month)} target="_blank" rel="noreferrer" data-testid="lists-admin-public-link">
            {t('lists.publicLink')}
          </a>
        </p>
      )}
      {preview && <Publication body={preview} testId="lists-admin-preview-result" />}
      <section className="panel" aria-labelledby="lists-history-title">
        <h3 id="lists-history-title">{t('listsAdmin.history')}</h3>
        {versions.data && versions.data.items.length === 0 && <p className="hint">{t('listsAdmin.none')}</p>}
        <ul className="lists-admin__history" data-testid="lists-admin-history">
          {versions.data?.items.map((v) => (
            <li key={`${v.month}/${v.version}`}>
              {t('listsAdmin.row', { month: v.month, version: v.version, at: v.publishedAt.slice(0, 10), by: v.publishedBy, black: v.black, white: v.white, added: v.added, removed: v.removed, moved: v.moved })}{' '}
              <button type="button" className="button button--ghost" onClick={() => setViewed(v.month)}>
                {t('listsAdmin.view', { month: v.month })}
              </button>{' '}
              <a href={publicListsPath(v.month)} target="_blank" rel="noreferrer">
                {t('lists.publicLink')}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {published.data && !preview && <Publication body={published.data} testId="lists-admin-published" />}
    </>,
  );
}

/** A preview or a published version: the counts, the credit tiers, the changes and the two lists (props only). */
function Publication({ body, testId }: { body: ListPublicationBody; testId: string }) {
  const { t, language } = useI18n();
  const count = (c: string) => body.diff.entries.filter((d) => d.change === c).length;
  return (
    <section className="lists-admin__summary" data-testid={testId}>
      <p>
        {body.committed
          ? t('listsAdmin.published', { month: body.month, version: body.version ?? 1 })
          : t('listsAdmin.previewOf', { month: body.month, black: body.black.length, white: body.white.length, added: count('added'), removed: count('removed'), moved: count('moved'), changes: body.statusChanges ?? 0 })}
      </p>
      <p className="hint">{t('listsAdmin.tiers', body.tierCounts)}</p>
      <p className="hint">{t('listsAdmin.tierRule')}</p>
      {body.diff.entries.length > 0 && (
        <table className="dispatch-table report-table lists-table" data-testid={`${testId}-diff`}>
          <TableHead labels={[t('lists.col.change'), t('lists.col.name'), t('lists.col.district'), t('lists.col.reasons')]} />
          <tbody>
            {body.diff.entries.slice(0, 200).map((d) => (
              <tr key={d.institutionId} className={`lists-row--${d.change}`}>
                <td className="lists-nowrap">
                  <span className={`lists-badge lists-badge--${d.change}`}>{t(`lists.change.${d.change}` as MessageKey)}</span>
                </td>
                <td>{d.name}</td>
                <td className="lists-nowrap">{districtName(d.districtCode, language)}</td>
                <td>{d.publicReasons.map((r) => (language === 'zh-CN' ? r.zh : r.en)).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="lists-admin__tables">
        <Entries title={t('lists.black')} entries={body.black} />
        <Entries title={t('lists.white')} entries={body.white} />
      </div>
    </section>
  );
}

function Entries({ title, entries }: { title: string; entries: readonly ListEntryBody[] }) {
  const { t, language } = useI18n();
  return (
    <details>
      <summary>
        {title} · {t('lists.count', { count: entries.length })}
      </summary>
      <table className="dispatch-table report-table lists-table">
        <TableHead labels={[t('lists.col.name'), t('lists.col.district'), t('lists.col.address'), t('lists.col.reasons'), t('listsAdmin.col.tier')]} />
        <tbody>
          {entries.slice(0, 500).map((e) => (
            <tr key={e.institutionId}>
              <td>{e.name}</td>
              <td className="lists-nowrap">{districtName(e.districtCode, language)}</td>
              <td>{e.address}</td>
              <td>{e.reasons.join('；')}</td>
              <td title={e.credit.reasons.join('\n')}>
                {e.credit.tier} ({e.credit.score})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
