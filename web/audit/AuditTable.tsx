import { Fragment, type ReactNode } from 'react';
import type { AuditEntry } from '../../server/contract/index.js';
import { translateCode, useI18n, type MessageKey, type Translate } from '../i18n/index.js';
import { entityLabel, shanghaiDateTime, shortHash, summariseChange } from '../state/audit-format.js';

export interface AuditTableProps {
  entries: readonly AuditEntry[];
  expanded: readonly number[];
  /** A newer page is on its way: the rows shown are the previous page's. */
  stale: boolean;
  onToggle: (id: number) => void;
}

const COLUMNS = 7;

function actorOf(t: Translate, entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  return entry.actor === 'system' ? t('audit.actor.system') : entry.actor;
}

/** A click that ends a text selection (copying a hash) is not meant to open or close the row. */
const selectingText = () => (window.getSelection()?.toString() ?? '') !== '';

const json = (value: unknown) => JSON.stringify(value ?? null, null, 2);

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const facts: [MessageKey, ReactNode, string?][] = [
    ['audit.detail.id', entry.id],
    ['audit.detail.actor', entry.actor],
    ['audit.column.action', <code>{entry.action}</code>],
    ['audit.detail.hash', <code>{entry.hash}</code>, 'audit-detail__hash'],
    ['audit.detail.prevHash', <code>{entry.prevHash}</code>, 'audit-detail__hash'],
  ];
  return (
    <div className="audit-detail__body">
      <dl className="audit-detail__facts">
        {facts.map(([label, value, className]) => (
          <div key={label} className={className}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="audit-detail__json">
        <figure>
          <figcaption>{t('audit.detail.before')}</figcaption>
          <pre tabIndex={0}>{json(entry.before)}</pre>
        </figure>
        <figure>
          <figcaption>{t('audit.detail.after')}</figcaption>
          <pre tabIndex={0}>{json(entry.after)}</pre>
        </figure>
      </div>
    </div>
  );
}

/**
 * One row per entry, newest first. Each row opens its JSON detail with the toggle at its start (a button: Tab to it,
 * Enter or Space) or with a click anywhere on the row.
 */
export function AuditTable({ entries, expanded, stale, onToggle }: AuditTableProps) {
  const { t } = useI18n();
  return (
    <table className={`audit-table ${stale ? 'audit-table--stale' : ''}`} aria-busy={stale} aria-label={t('audit.title')} data-testid="audit-table">
      <colgroup>
        <col className="audit-col-toggle" />
        <col className="audit-col-time" />
        <col className="audit-col-actor" />
        <col className="audit-col-action" />
        <col className="audit-col-entity" />
        <col />
        <col className="audit-col-hash" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('audit.detail.id')}</span>
          </th>
          <th scope="col">{t('audit.column.time')}</th>
          <th scope="col">{t('audit.column.actor')}</th>
          <th scope="col">{t('audit.column.action')}</th>
          <th scope="col">{t('audit.column.entity')}</th>
          <th scope="col">{t('audit.column.summary')}</th>
          <th scope="col">{t('audit.column.hash')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const open = expanded.includes(entry.id);
          const detailId = `audit-detail-${entry.id}`;
          return (
            <Fragment key={entry.id}>
              <tr className={`audit-row ${open ? 'audit-row--open' : ''}`} data-testid="audit-row" data-id={entry.id} data-action={entry.action} data-actor={entry.actor} onClick={() => !selectingText() && onToggle(entry.id)}>
                <td>
                  <button
                    type="button"
                    className="audit-toggle"
                    aria-expanded={open}
                    aria-controls={open ? detailId : undefined}
                    aria-label={t('audit.row.expand', { id: entry.id })}
                    data-testid="audit-row-toggle"
                    // Stopped here, or the row's click would toggle the entry back.
                    onClick={(event) => {
                      event.stopPropagation();
                      onToggle(entry.id);
                    }}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                  </button>
                </td>
                <td className="audit-time">
                  <time dateTime={entry.at}>{shanghaiDateTime(entry.at)}</time>
                </td>
                <td className="audit-actor">
                  <span>{actorOf(t, entry)}</span>
                  {entry.actorName && <small>{entry.actor}</small>}
                </td>
                <td title={entry.action}>
                  <span className={`audit-action audit-action--${entry.action.split('.')[0]}`}>{translateCode(t, 'auditAction', entry.action)}</span>
                </td>
                <td>{entityLabel(t, entry)}</td>
                <td className="audit-summary">{summariseChange(t, entry)}</td>
                <td className="audit-hash" title={entry.hash}>
                  <code>{shortHash(entry.hash)}</code>
                </td>
              </tr>
              {open && (
                <tr className="audit-detail" id={detailId} data-testid="audit-detail">
                  <td colSpan={COLUMNS}>
                    <EntryDetail entry={entry} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
