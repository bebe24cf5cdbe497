import { useEffect, useRef, type ReactNode } from 'react';
import type { ClueDetail, InstitutionDetail } from '../../server/contract/index.js';
import type { Resource } from '../api/use-resource.js';
import { errorText } from '../i18n/errors.js';
import { translateCode, useI18n, type MessageKey } from '../i18n/index.js';
import { districtNameIn } from '../i18n/names.js';
import type { DistrictFeature, GridCellFeature } from '../layers/types.js';
import type { Selection } from '../state/dashboard.js';
import { ClusterDetail } from './ClusterDetail.js';

export interface DetailPanelProps {
  selection: Selection | null;
  institution: Resource<InstitutionDetail>;
  clue: Resource<ClueDetail>;
  gridCell: GridCellFeature | null;
  /** Name of the selected grid cell's 街镇, once its district's streets have loaded. */
  streetName: string | null;
  district: DistrictFeature | null;
  districtClues: number;
  onZoomTo: (longitude: number, latitude: number, zoom: number) => void;
  onClose: () => void;
  /** Analysis of the selected feature (hot spot facts of a cell, risk of an institution), shown under its details. */
  children?: ReactNode;
}

function Rows({ rows }: { rows: [MessageKey, ReactNode][] }) {
  const { t } = useI18n();
  return (
    <dl className="detail__rows">
      {rows.map(([key, value]) => (
        <div key={key} className="detail__row">
          <dt>{t(key)}</dt>
          <dd>{value === null || value === undefined || value === '' ? t('detail.none') : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Loadable<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (resource.error) {
    return (
      <div className="detail__state" role="alert">
        {t('state.error', { message: errorText(i18n, resource.error) })}
        <button type="button" className="button button--small" onClick={resource.retry}>
          {t('state.retry')}
        </button>
      </div>
    );
  }
  if (!resource.data || resource.loading) return <div className="skeleton-lines" aria-busy="true" />;
  return <>{children(resource.data)}</>;
}

/** Tells one selected feature from another (clusters have no id: their position does). */
function selectionKey(selection: Selection): string {
  switch (selection.kind) {
    case 'district':
      return `district:${selection.code}`;
    case 'cluster':
      return `cluster:${selection.longitude},${selection.latitude}`;
    default:
      return `${selection.kind}:${selection.id}`;
  }
}

export function DetailPanel(props: DetailPanelProps) {
  const { t, language } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  const { selection } = props;
  // Focus moves to the panel when another feature is selected, not when the same one is rendered again.
  const selected = selection ? selectionKey(selection) : null;
  useEffect(() => {
    if (selected !== null) closeRef.current?.focus({ preventScroll: true });
  }, [selected]);
  if (!selection) return null;
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai' }) : null);
  const titles: Record<Selection['kind'], MessageKey> = {
    institution: 'detail.institution',
    clue: 'detail.clue',
    gridCell: 'detail.gridCell',
    district: 'detail.district',
    cluster: 'detail.cluster',
  };
  let body: ReactNode = null;
  if (selection.kind === 'institution') {
    body = (
      <Loadable resource={props.institution}>
        {(f) => {
          const p = f.properties;
          return (
            <>
              <h3 className="detail__name">{p.name}</h3>
              <div className="detail__badges">
                <span className={`badge badge--${p.status}`}>{translateCode(t, 'status', p.status)}</span>
                {p.listStatus !== 'none' && <span className={`badge badge--${p.listStatus}`}>{translateCode(t, 'list', p.listStatus)}</span>}
                {p.synthetic && <span className="badge">{t('app.synthetic')}</span>}
              </div>
              <Rows
                rows={[
                  ['detail.category', p.category],
                  ['detail.nature', p.nature],
                  ['detail.address', p.address],
                  ['detail.district', p.districtName],
                  ['detail.street', p.streetName],
                  ['detail.gridCell', p.gridCellCode],
                  ['detail.creditCode', <code key="c">{p.creditCode}</code>],
                  ['detail.licenceNo', p.licenceNo],
                  ['detail.violations', p.violationCount],
                  [
                    'detail.recentViolations',
                    p.violations.length === 0 ? null : (
                      <ul key="v" className="detail__list">
                        {p.violations.slice(0, 3).map((v) => (
                          <li key={`${v.occurredOn}-${v.kind}`} title={v.description}>
                            <time>{v.occurredOn}</time> {translateCode(t, 'violation', v.kind)}
                          </li>
                        ))}
                      </ul>
                    ),
                  ],
                  ['detail.lastInspected', p.lastInspectedOn],
                  ['detail.clueCount', `${p.clueCount} / ${t('kpi.openClues')} ${p.openClueCount}`],
                ]}
              />
            </>
          );
        }}
      </Loadable>
    );
  } else if (selection.kind === 'clue') {
    body = (
      <Loadable resource={props.clue}>
        {(f) => {
          const p = f.properties;
          return (
            <>
              <h3 className="detail__name">{translateCode(t, 'type', p.suspectedType)}</h3>
              <div className="detail__badges">
                <span className="badge">{translateCode(t, 'clueStatus', p.status)}</span>
                {p.overdue && <span className="badge badge--black">{t('kpi.overdue')}</span>}
              </div>
              <Rows
                rows={[
                  ['detail.source', translateCode(t, 'source', p.source)],
                  ['detail.reportedAt', time(p.reportedAt)],
                  ['detail.address', p.address],
                  ['detail.description', p.description],
                  ['detail.district', p.districtName],
                  ['detail.gridCell', p.gridCellCode],
                  ['detail.institution', p.institutionName],
                  ['detail.dueAt', time(p.dueAt)],
                  ['detail.closedAt', time(p.closedAt)],
                ]}
              />
            </>
          );
        }}
      </Loadable>
    );
  } else if (selection.kind === 'gridCell') {
    const p = props.gridCell?.properties;
    body = p ? (
      <>
        <h3 className="detail__name">{p.code}</h3>
        <Rows
          rows={[
            ['detail.clueCount', p.clueCount],
            ['detail.worker', p.workerName],
            ['detail.street', <span key="s" title={p.streetCode} data-testid="cell-street">{props.streetName ?? p.streetCode}</span>],
            ['detail.district', <span key="d" title={p.districtCode} data-testid="cell-district">{districtNameIn(p.districtCode, language) ?? p.districtCode}</span>],
          ]}
        />
      </>
    ) : (
      <div className="detail__state">{t('detail.none')}</div>
    );
  } else if (selection.kind === 'district') {
    const p = props.district?.properties;
    body = p ? (
      <>
        <h3 className="detail__name">{language === 'en' ? p.nameEn : p.name}</h3>
        <Rows
          rows={[
            ['detail.code', p.code],
            ['detail.clueCount', props.districtClues],
            ['kpi.institutions', p.institutionCount],
            ['kpi.openClues', p.openClueCount],
          ]}
        />
      </>
    ) : (
      <div className="skeleton-lines" aria-busy="true" />
    );
  } else if (selection.kind === 'cluster') {
    body = <ClusterDetail cluster={selection} onZoomTo={props.onZoomTo} />;
  }
  return (
    <aside className="detail" aria-labelledby="detail-title" data-testid="detail-panel">
      <header className="detail__header">
        <h2 id="detail-title" className="panel__title">
          {t(titles[selection.kind])}
        </h2>
        <button ref={closeRef} type="button" className="button button--icon" onClick={props.onClose} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
          ×
        </button>
      </header>
      <div className="detail__body">
        {body}
        {props.children}
      </div>
    </aside>
  );
}
