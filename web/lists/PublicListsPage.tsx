import { useMemo, useState } from 'react';
import type { PublicListEntry, PublicLists } from '../../server/contract/list-publications.js';
import { publicListsCsvPath, usePublicListMonths, usePublicLists } from '../api/lists.js';
import { TableHead } from '../dispatch/TableHead.js';
import { useI18n, type Language } from '../i18n/index.js';
import { ListTable } from './ListTable.js';
import { VersionHistory } from '../report/VersionHistory.js';
import '../dispatch/dispatch.css';
import '../report/report.css';
import './lists.css';

// 黑白名单 at /lists and /lists/<month>, for anyone, without a login: the month picker (the months published), the two
// lists with a search, the changes from the month before (新增 / 移出 / 调整) and the CSV. The page reads; the tables
// get their rows as props.

export interface PublicListsPageProps {
  /** The month in the address; null = the latest published. */
  month: string | null;
  onMonth: (month: string) => void;
  onLanguage: (language: Language) => void;
}

const matches = (query: string) => (e: Pick<PublicListEntry, 'name' | 'district' | 'districtEn' | 'address'>) =>
  query === '' || [e.name, e.district, e.districtEn, e.address].some((text) => text.toLowerCase().includes(query));

export function PublicListsPage({ month, onMonth, onLanguage }: PublicListsPageProps) {
  const { t, language } = useI18n();
  const months = usePublicListMonths();
  const shownMonth = month ?? months.data?.months[0]?.month ?? null;
  const lists = usePublicLists(shownMonth);
  const [query, setQuery] = useState('');
  const data = lists.data;
  const noMonths = months.data !== null && months.data !== undefined && months.data.months.length === 0;
  return (
    <div className="dispatch-page public-results lists-page" data-testid="public-lists">
      <div className="dispatch-view">
        <div className="dispatch-toolbar report-toolbar" role="toolbar" aria-label={t('lists.title')}>
          <h1 className="dispatch-toolbar__title">{t('lists.title')}</h1>
          <label className="lists-month">
            {t('lists.month')}
            <select value={shownMonth ?? ''} onChange={(e) => onMonth(e.target.value)} data-testid="lists-month" disabled={!months.data?.months.length}>
              {month !== null && !months.data?.months.some((m) => m.month === month) && <option value={month}>{month}</option>}
              {months.data?.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {m.month}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--ghost" onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="lists-language">
            {language === 'zh-CN' ? 'English' : '中文'}
          </button>
          {data && (
            <a className="button button--accent" href={publicListsCsvPath(data.month)} download data-testid="lists-csv">
              {t('lists.csv')}
            </a>
          )}
        </div>
        <p className="lists-synthetic" role="note" data-testid="lists-synthetic">
          {t('lists.synthetic')}
        </p>
        {(months.loading || lists.loading) && !data && <p className="state-line" role="status">{t('state.loading')}</p>}
        {noMonths && <p className="state-line" data-testid="lists-missing">{t('lists.noMonths')}</p>}
        {!lists.loading && shownMonth !== null && !data && (
          <p className="state-line" role="alert" data-testid="lists-missing">
            {lists.error ? lists.error.message : t('lists.notFound')}
          </p>
        )}
        {data && <Published data={data} query={query.trim().toLowerCase()} onQuery={setQuery} rawQuery={query} />}
      </div>
    </div>
  );
}

function Published({ data, query, rawQuery, onQuery }: { data: PublicLists; query: string; rawQuery: string; onQuery: (q: string) => void }) {
  const { t, language } = useI18n();
  const zh = language === 'zh-CN';
  const black = useMemo(() => data.black.filter(matches(query)), [data, query]);
  const white = useMemo(() => data.white.filter(matches(query)), [data, query]);
  const removed = useMemo(() => data.changes.entries.filter((c) => c.change === 'removed').filter(matches(query)), [data, query]);
  const counts = { added: 0, moved: 0, removed: 0 };
  for (const c of data.changes.entries) counts[c.change]++;
  const compared = data.changes.comparedWith;
  return (
    <article className="dispatch-sheet report-sheet lists-sheet" aria-labelledby="lists-title">
      <header className="dispatch-sheet__head">
        <h2 className="dispatch-sheet__title" id="lists-title">
          {t('lists.title')}（{data.month}）
        </h2>
        <p className="dispatch-sheet__subtitle">{t('lists.subtitle')}</p>
        <p className="report-meta" data-testid="lists-version">
          {t('lists.version', { version: data.version, at: data.publishedAt.slice(0, 10), asOf: data.dataAsOf })}
        </p>
        {data.correctionNote && <p className="report-meta">{t('lists.correction', { note: data.correctionNote })}</p>}
      </header>
      <section className="lists-changes" data-testid="lists-changes">
        <h3>{t('lists.changes')}</h3>
        <p className="lists-changes__line">
          <span className="lists-badge lists-badge--added">{t('lists.change.added')} {counts.added}</span>
          <span className="lists-badge lists-badge--removed">{t('lists.change.removed')} {counts.removed}</span>
          <span className="lists-badge lists-badge--moved">{t('lists.change.moved')} {counts.moved}</span>
          <span className="lists-changes__compared">
            {compared.month === null ? t('lists.comparedWithRegistry') : t('lists.comparedWith', { month: compared.month, version: compared.version ?? 1 })}
          </span>
        </p>
      </section>
      <label className="lists-search">
        <span className="visually-hidden">{t('lists.search')}</span>
        <input type="search" value={rawQuery} onChange={(e) => onQuery(e.target.value)} placeholder={t('lists.search')} data-testid="lists-search" />
      </label>
      <ListTable kind="black" entries={black} total={data.black.length} />
      <ListTable kind="white" entries={white} total={data.white.length} />
      {counts.removed > 0 && (
        <section className="lists-section lists-section--removed" data-testid="lists-removed">
          <h3 className="lists-section__title">
            {t('lists.removedTitle')}
            <span className="lists-section__count">{t('lists.count', { count: counts.removed })}</span>
          </h3>
          {removed.length === 0 ? (
            <p className="state-line">{t('lists.searchEmpty')}</p>
          ) : (
            <table className="dispatch-table report-table lists-table">
              <TableHead labels={[t('lists.col.no'), t('lists.col.name'), t('lists.col.district'), t('lists.col.address'), t('lists.col.reasons'), t('lists.col.change')]} />
              <tbody>
                {removed.map((c, i) => (
                  <tr key={`${c.name}|${c.address}`} className="lists-row--removed">
                    <td className="dispatch-table__centre">{i + 1}</td>
                    <td>{c.name}</td>
                    <td className="lists-nowrap">{zh ? c.district : c.districtEn}</td>
                    <td>{c.address}</td>
                    <td>{c.reasons.map((r) => (zh ? r.zh : r.en)).join(zh ? '；' : '; ')}</td>
                    <td className="dispatch-table__centre">
                      <span className="lists-badge lists-badge--removed">
                        {t('lists.change.removed')}（{t(c.from === 'black' ? 'lists.black' : 'lists.white')}）
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <VersionHistory versions={data.versions} />
    </article>
  );
}
