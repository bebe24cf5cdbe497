import { useEffect, useRef } from 'react';
import type { ClueQueue } from '../../server/contract/clue-loop.js';
import { clueSources, clueStatuses } from '../../server/contract/enums.js';
import { useI18n, translateCode } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { DUE_WINDOWS, PAGE_SIZE, type DeskFilters, type QueueCursor } from '../state/desk.js';
import { departmentName, slaText } from './format.js';
import { FIRST_FILTER_ID } from './use-desk-page.js';

type QueueItem = ClueQueue['items'][number];

export const DEPARTMENT_CODES = [
  'education',
  'market_regulation',
  'urban_management',
  'culture_tourism',
  'sports',
  'science',
  'public_security',
  'fire_rescue',
  'housing',
  'civil_affairs',
  'human_resources',
  'health',
  'commerce',
  'finance',
  'tax',
] as const;

export interface DeskQueueProps {
  filters: DeskFilters;
  scope: string | null;
  districtCodes: readonly string[];
  onFilter: (patch: Partial<Omit<DeskFilters, 'offset'>>) => void;
  onOffset: (offset: number) => void;
  items: readonly QueueItem[];
  total: number | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  nowMs: number;
  cursor: QueueCursor;
  onSelect: (id: number) => void;
  onToggle: (id: number) => void;
  onToggleAll: () => void;
  canWrite: boolean;
  bulkRunning: boolean;
  onBulkDispatch: () => void;
}

export function DeskQueue(props: DeskQueueProps) {
  const { t, language } = useI18n();
  const { filters, cursor } = props;
  const listRef = useRef<HTMLOListElement>(null);
  // The row under the keyboard's cursor stays in sight.
  useEffect(() => {
    if (cursor.cursor === null) return;
    listRef.current?.querySelector(`[data-clue="${cursor.cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor.cursor]);
  const first = filters.offset + 1;
  const last = filters.offset + props.items.length;
  const allChecked = props.items.length > 0 && cursor.checked.length === props.items.length;
  return (
    <section className="desk-queue panel" aria-label={t('desk.queue')} data-testid="desk-queue">
      <div className="desk-filters" role="group" aria-label={t('desk.queue')}>
        <label className="desk-field">
          <span>{t('desk.filter.status')}</span>
          <select id={FIRST_FILTER_ID} data-testid="desk-filter-status" value={filters.status[0] ?? ''} onChange={(e) => props.onFilter({ status: e.target.value ? [e.target.value] : [] })}>
            <option value="">{t('desk.filter.all')}</option>
            {clueStatuses.map((s) => (
              <option key={s} value={s}>{translateCode(t, 'clueStatus', s)}</option>
            ))}
          </select>
        </label>
        <label className="desk-field">
          <span>{t('desk.filter.source')}</span>
          <select data-testid="desk-filter-source" value={filters.source[0] ?? ''} onChange={(e) => props.onFilter({ source: e.target.value ? [e.target.value] : [] })}>
            <option value="">{t('desk.filter.all')}</option>
            {clueSources.map((s) => (
              <option key={s} value={s}>{translateCode(t, 'source', s)}</option>
            ))}
          </select>
        </label>
        <label className="desk-field">
          <span>{t('desk.filter.district')}</span>
          <select data-testid="desk-filter-district" value={props.scope ?? filters.district ?? ''} disabled={props.scope !== null} onChange={(e) => props.onFilter({ district: e.target.value || null })}>
            {props.scope === null && <option value="">{t('desk.filter.all')}</option>}
            {(props.scope ? [props.scope] : props.districtCodes).map((code) => (
              <option key={code} value={code}>{districtName(code, language)}</option>
            ))}
          </select>
        </label>
        <label className="desk-field">
          <span>{t('desk.filter.department')}</span>
          <select data-testid="desk-filter-department" value={filters.department ?? ''} onChange={(e) => props.onFilter({ department: e.target.value || null })}>
            <option value="">{t('desk.filter.all')}</option>
            {DEPARTMENT_CODES.map((d) => (
              <option key={d} value={d}>{departmentName(t, d)}</option>
            ))}
          </select>
        </label>
        <div className="desk-due" role="group" aria-label={t('desk.filter.due')}>
          <button type="button" className={`chip${filters.due === null ? ' chip--on' : ''}`} aria-pressed={filters.due === null} data-testid="desk-due-all" onClick={() => props.onFilter({ due: null })}>
            {t('desk.filter.all')}
          </button>
          {DUE_WINDOWS.map((w) => (
            <button key={w} type="button" className={`chip${filters.due === w ? ' chip--on' : ''}`} aria-pressed={filters.due === w} data-testid={`desk-due-${w}`} onClick={() => props.onFilter({ due: w })}>
              {t(`desk.due.${w}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="desk-queue__bar">
        {props.canWrite && (
          <label className="desk-check">
            <input type="checkbox" checked={allChecked} onChange={props.onToggleAll} data-testid="desk-check-all" disabled={props.items.length === 0} />
            <span>{t('desk.queue.checkAll')}</span>
          </label>
        )}
        <span className="hint" data-testid="desk-total">{props.total === null ? '' : t('desk.queue.total', { n: props.total })}</span>
        <button type="button" className="button button--small" data-testid="desk-sort" onClick={() => props.onFilter({ sort: filters.sort === 'due' ? '-due' : 'due' })}>
          {t(`desk.sort.${filters.sort}`)}
        </button>
      </div>
      {props.canWrite && cursor.checked.length > 0 && (
        <div className="desk-bulk" data-testid="desk-bulk">
          <span>{t('desk.bulk.selected', { n: cursor.checked.length })}</span>
          <button type="button" className="button button--primary button--small" data-testid="desk-bulk-dispatch" disabled={props.bulkRunning} onClick={props.onBulkDispatch}>
            {props.bulkRunning ? t('desk.bulk.running') : t('desk.bulk.dispatch')}
          </button>
        </div>
      )}
      {props.error && (
        <p className="desk-error" role="alert" data-testid="desk-queue-error">
          {props.error}
          <button type="button" className="button button--small" onClick={props.onRetry}>{t('state.retry')}</button>
        </p>
      )}
      {!props.error && !props.loading && props.items.length === 0 && (
        <p className="desk-empty" data-testid="desk-queue-empty">{t('desk.queue.empty')}</p>
      )}
      <ol className="desk-rows" ref={listRef} aria-busy={props.loading} data-testid="desk-rows">
        {props.items.map((c) => {
          const sla = slaText(t, c, props.nowMs);
          const current = cursor.cursor === c.id;
          const open = cursor.open === c.id;
          return (
            <li key={c.id} data-clue={c.id} data-testid="desk-row" className={`desk-row${current ? ' desk-row--cursor' : ''}${open ? ' desk-row--open' : ''}`}>
              {props.canWrite && (
                <input type="checkbox" aria-label={t('desk.queue.check', { id: c.id })} checked={cursor.checked.includes(c.id)} onChange={() => props.onToggle(c.id)} data-testid="desk-row-check" />
              )}
              <button type="button" className="desk-row__main" aria-current={open ? 'true' : undefined} data-testid="desk-row-open" onClick={() => props.onSelect(c.id)}>
                <span className="desk-row__line">
                  <strong>#{c.id}</strong>
                  <span>{translateCode(t, 'type', c.suspectedType)}</span>
                  <span className="desk-tag">{translateCode(t, 'clueStatus', c.status)}</span>
                  {c.whistle && <span className="desk-badge desk-badge--whistle" title={t('desk.whistleHint')}>{t('desk.whistle')}</span>}
                  {c.escalation && c.escalation.level !== 'none' && (
                    <span className={`desk-badge desk-badge--${c.escalation.level}`} data-testid="desk-row-escalation">{t(`desk.escalation.${c.escalation.level}`)}</span>
                  )}
                </span>
                <span className="desk-row__line desk-row__sub">
                  <span className="desk-row__address">{c.address}</span>
                </span>
                <span className="desk-row__line desk-row__sub">
                  <span>{districtName(c.districtCode, language)}</span>
                  <span>{c.leadDepartment ? departmentName(t, c.leadDepartment) : t('desk.detail.notDispatched')}</span>
                  {c.childCount > 0 && <span>{t('desk.queue.children', { n: c.childCount })}</span>}
                </span>
              </button>
              <span className={`desk-sla desk-sla--${sla.urgency}`} data-testid="desk-row-sla" data-urgency={sla.urgency}>{sla.text}</span>
            </li>
          );
        })}
      </ol>
      {props.total !== null && props.total > PAGE_SIZE && (
        <div className="desk-pager">
          <button type="button" className="button button--small" disabled={filters.offset === 0} onClick={() => props.onOffset(filters.offset - PAGE_SIZE)}>{t('desk.queue.prev')}</button>
          <span className="hint">{t('desk.queue.page', { from: first, to: last })}</span>
          <button type="button" className="button button--small" disabled={last >= props.total} onClick={() => props.onOffset(filters.offset + PAGE_SIZE)}>{t('desk.queue.next')}</button>
        </div>
      )}
    </section>
  );
}
