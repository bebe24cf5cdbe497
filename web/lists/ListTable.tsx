import type { PublicListEntry } from '../../server/contract/list-publications.js';
import { TableHead } from '../dispatch/TableHead.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

// One published list (黑名单 or 白名单) as a table, props only: the rows already filtered by the page's search; a row
// added or moved since the month before is marked (新增 / 调整).

export interface ListTableProps {
  kind: 'black' | 'white';
  entries: readonly PublicListEntry[];
  /** The whole list's size, before the search. */
  total: number;
}

export function ListTable({ kind, entries, total }: ListTableProps) {
  const { t, language } = useI18n();
  const zh = language === 'zh-CN';
  return (
    <section className={`lists-section lists-section--${kind}`} aria-labelledby={`lists-${kind}-title`} data-testid={`lists-${kind}`}>
      <h3 id={`lists-${kind}-title`} className="lists-section__title">
        <span className={`lists-dot lists-dot--${kind}`} aria-hidden="true" />
        {t(kind === 'black' ? 'lists.black' : 'lists.white')}
        <span className="lists-section__count">{entries.length === total ? t('lists.count', { count: total }) : `${entries.length} / ${t('lists.count', { count: total })}`}</span>
      </h3>
      <p className="lists-section__hint">{t(kind === 'black' ? 'lists.blackHint' : 'lists.whiteHint')}</p>
      {entries.length === 0 ? (
        <p className="state-line">{t('lists.searchEmpty')}</p>
      ) : (
        <table className="dispatch-table report-table lists-table">
          <TableHead labels={[t('lists.col.no'), t('lists.col.name'), t('lists.col.district'), t('lists.col.address'), t('lists.col.reasons'), t('lists.col.change')]} />
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.name}|${e.address}`} className={e.change ? `lists-row--${e.change}` : undefined} data-change={e.change ?? undefined}>
                <td className="dispatch-table__centre">{i + 1}</td>
                <td>{e.name}</td>
                <td className="lists-nowrap">{zh ? e.district : e.districtEn}</td>
                <td>{e.address}</td>
                <td>{e.reasons.map((r) => (zh ? r.zh : r.en)).join(zh ? '；' : '; ')}</td>
                <td className="dispatch-table__centre">{e.change && <span className={`lists-badge lists-badge--${e.change}`}>{t(`lists.change.${e.change}` as MessageKey)}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
