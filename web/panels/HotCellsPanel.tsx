import { memo, useState, type KeyboardEvent } from 'react';
import {
  DEFAULT_HANDOFF_COUNT,
  defaultHandoffDistrict,
  hotCellDistricts,
  hotCellsCsv,
  hotCellsFileName,
  MAX_HANDOFF_CELLS,
  plannerHandoff,
  type HotCellDistrict,
  type HotCellRow,
} from '../analysis/hot-cells.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { hotspotColour } from '../layers/hotspot-colours.js';
import { css } from '../layers/theme.js';
import type { TimeRange } from '../state/dashboard.js';
import type { PlannerHandoff } from '../state/planner.js';
import './hot-cells.css';

export interface HotCellsPanelProps {
  rows: readonly HotCellRow[];
  /** The analysis is still loading its counts or cells: no list yet. */
  loading: boolean;
  /** Why there is no list (the hot spot panel says it in full); null when there is one. */
  error: string | null;
  /** The analysed period of the rows (inclusive dates). */
  period: TimeRange;
  /** The range is being dragged: the rows stay at `period` until the release, and the caption says so. */
  following: boolean;
  /** The district the analysis is narrowed to, null for the whole scope (names the exported file). */
  scopeDistrict: string | null;
  /** The account's own district, null for city-wide accounts. */
  userDistrict: string | null;
  selectedId: number | null;
  onSelect: (row: HotCellRow) => void;
  /** Absent for roles that may not plan. */
  onHandOver?: (handoff: PlannerHandoff) => void;
}

const CONFIDENCE_KEYS: Record<number, MessageKey> = { 1: 'hotspot.hot90', 2: 'hotspot.hot95', 3: 'hotspot.hot99' };
const CONFIDENCE_SHORT: Record<number, string> = { 1: '90%', 2: '95%', 3: '99%' };

/** Saves text as a file through a temporary object URL: the list is made in the browser, nothing is requested. */
function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Arrow keys move between rows, Enter and Space select: the list works without a mouse. */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, select: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    select();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/** 热点网格排行: the significant hot cells ranked by z, a click away from the map; export and hand-over to the planner. */
export function HotCellsPanel(props: HotCellsPanelProps) {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const { rows, period } = props;
  const exportCsv = () => downloadText(hotCellsCsv(rows, period), hotCellsFileName(period, props.scopeDistrict), 'text/csv;charset=utf-8');
  return (
    <section className={`panel hot-cells ${collapsed ? 'hot-cells--collapsed' : ''}`} aria-labelledby="hot-cells-title" data-testid="hot-cells" data-count={rows.length} data-loading={props.loading ? 'true' : 'false'} aria-busy={props.following}>
      <header className="hot-cells__head">
        <h2 id="hot-cells-title" className="panel__title">
          {t('hotCells.title')}
        </h2>
        <span className="hint" data-testid="hot-cells-caption">
          {props.loading
            ? t('hotCells.loading')
            : `${t('hotCells.count', { count: rows.length })} · ${t('hotCells.caption', { from: period.from, to: period.to })}${props.following ? ` · ${t('hotCells.following')}` : ''}`}
        </span>
        <div className="hot-cells__actions">
          <button type="button" className="button button--small" data-testid="hot-cells-export" disabled={rows.length === 0} onClick={exportCsv}>
            {t('hotCells.export')}
          </button>
          {props.onHandOver && (
            <button
              type="button"
              className="button button--small"
              data-testid="hot-cells-handover"
              aria-expanded={handingOver}
              disabled={rows.length === 0}
              onClick={() => setHandingOver((open) => !open)}
            >
              {t('hotCells.handOver')}
            </button>
          )}
          <button type="button" className="button button--small button--ghost" aria-expanded={!collapsed} aria-controls="hot-cells-body" onClick={() => setCollapsed((c) => !c)}>
            {collapsed ? t('hotCells.expand') : t('hotCells.collapse')}
          </button>
        </div>
      </header>
      {!collapsed && (
        <div id="hot-cells-body" className="hot-cells__body">
          {handingOver && props.onHandOver && rows.length > 0 && (
            <HandOverForm rows={rows} period={period} userDistrict={props.userDistrict} onHandOver={props.onHandOver} onCancel={() => setHandingOver(false)} />
          )}
          {props.error ? (
            <p className="field-error" role="alert" data-testid="hot-cells-error">
              {t('state.error', { message: props.error })}
            </p>
          ) : !props.loading && rows.length === 0 ? (
            <p className="hot-cells__empty" role="status" data-testid="hot-cells-empty">
              {t('hotCells.empty')}
            </p>
          ) : (
            <HotCellTable rows={rows} selectedId={props.selectedId} onSelect={props.onSelect} />
          )}
        </div>
      )}
    </section>
  );
}

interface HotCellTableProps {
  rows: readonly HotCellRow[];
  selectedId: number | null;
  onSelect: (row: HotCellRow) => void;
}

/** Memoised: a re-render of the dashboard with the same rows and selection skips the hundreds of rows. */
const HotCellTable = memo(function HotCellTable({ rows, selectedId, onSelect }: HotCellTableProps) {
  const { t, language } = useI18n();
  return (
    <div className="hot-cells__scroll">
      <table className="hot-cells__table" role="grid" aria-label={t('hotCells.title')} aria-describedby="hot-cells-hint">
        <thead>
          <tr>
            <th scope="col">{t('hotCells.rank')}</th>
            <th scope="col">{t('hotCells.cell')}</th>
            <th scope="col">{t('hotCells.street')}</th>
            <th scope="col">{t('hotCells.district')}</th>
            <th scope="col">{t('hotCells.clues')}</th>
            <th scope="col">{t('hotCells.z')}</th>
            <th scope="col">{t('hotCells.confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              tabIndex={0}
              aria-selected={r.id === selectedId}
              data-testid="hot-cell-row"
              data-cell-id={r.id}
              className={r.id === selectedId ? 'hot-cells__row--on' : undefined}
              onClick={() => onSelect(r)}
              onKeyDown={(event) => onRowKey(event, () => onSelect(r))}
            >
              <td>{r.rank}</td>
              <td className="hot-cells__code">{r.code}</td>
              <td>{r.streetName ?? r.streetCode}</td>
              <td>{(language === 'en' ? r.districtNameEn : r.districtName) ?? r.districtCode}</td>
              <td>{r.clues}</td>
              <td>{r.z.toFixed(2)}</td>
              <td title={`${t(CONFIDENCE_KEYS[r.bin] ?? 'detail.none')}${r.fdrSignificant ? ` · ${t('hotCells.fdrMark')}` : ''}`}>
                <span className="swatch hot-cells__swatch" style={{ background: css(hotspotColour(r.bin)) }} />
                {CONFIDENCE_SHORT[r.bin] ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id="hot-cells-hint" className="hint hot-cells__hint">
        {t('hotCells.rowHint')}
      </p>
    </div>
  );
});

interface HandOverFormProps {
  rows: readonly HotCellRow[];
  period: TimeRange;
  userDistrict: string | null;
  onHandOver: (handoff: PlannerHandoff) => void;
  onCancel: () => void;
}

/** Which district's top cells go to the planner (it plans one district at a time), and how many. */
function HandOverForm({ rows, period, userDistrict, onHandOver, onCancel }: HandOverFormProps) {
  const { t, language } = useI18n();
  const districts = hotCellDistricts(rows);
  const [chosen, setChosen] = useState<string | null>(null);
  const [count, setCount] = useState(DEFAULT_HANDOFF_COUNT);
  const district = chosen !== null && districts.some((d) => d.code === chosen) ? chosen : defaultHandoffDistrict(districts, userDistrict);
  if (district === null) {
    return (
      <p className="hot-cells__handover hint" role="status">
        {t('hotCells.handOver.none')}
      </p>
    );
  }
  const available = districts.find((d) => d.code === district)?.count ?? 0;
  const max = Math.min(available, MAX_HANDOFF_CELLS);
  const n = Math.max(1, Math.min(max, count));
  const label = (d: HotCellDistrict) => t('hotCells.handOver.districtOption', { name: (language === 'en' ? d.nameEn : d.name) ?? d.code, count: d.count });
  return (
    <form
      className="hot-cells__handover"
      data-testid="hot-cells-handover-form"
      onSubmit={(event) => {
        event.preventDefault();
        onHandOver(plannerHandoff(rows, district, n, period));
      }}
    >
      <label>
        <span>{t('hotCells.handOver.district')}</span>
        <select data-testid="hot-cells-handover-district" value={district} disabled={userDistrict !== null} onChange={(e) => setChosen(e.target.value)}>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {label(d)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('hotCells.handOver.count')}</span>
        <input type="number" min={1} max={max} value={n} data-testid="hot-cells-handover-count" onChange={(e) => setCount(Number(e.target.value))} />
      </label>
      <button type="submit" className="button button--small button--accent" data-testid="hot-cells-handover-open">
        {t('hotCells.handOver.open')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onCancel}>
        {t('hotCells.handOver.cancel')}
      </button>
      <small className="hint">{t('hotCells.handOver.hint', { count: n })}</small>
    </form>
  );
}
