import { useI18n } from '../i18n/index.js';
import { clusterExpansion, statusBreakdown } from '../layers/clusters.js';
import { css, darkTheme } from '../layers/theme.js';
import type { Selection } from '../state/dashboard.js';
import { INSTITUTION_POINTS_MIN_ZOOM } from '../state/selectors.js';

type ClusterSelection = Extract<Selection, { kind: 'cluster' }>;

/**
 * An institution cluster: how many, by status in the legend's names and colours, how many are black-listed or need
 * attention, and a button that zooms to where the cluster splits.
 */
export function ClusterDetail({ cluster, onZoomTo }: { cluster: ClusterSelection; onZoomTo: (longitude: number, latitude: number, zoom: number) => void }) {
  const { t } = useI18n();
  const rows = statusBreakdown(cluster.byStatus);
  const target = clusterExpansion(cluster, cluster.zoom, INSTITUTION_POINTS_MIN_ZOOM);
  const attention = Math.round(cluster.problemShare * cluster.count);
  const share = (n: number) => t('cluster.statusCount', { count: n, percent: Math.round((100 * n) / Math.max(1, cluster.count)) });
  return (
    <div className="cluster-detail" data-testid="cluster-detail" data-count={cluster.count}>
      <h3 className="detail__name">{t('tooltip.institutions', { count: cluster.count })}</h3>
      <div className="legend__caption">{t('cluster.breakdown')}</div>
      <ul className="cluster-detail__statuses" data-testid="cluster-breakdown">
        {rows.map((row) => (
          <li key={row.status} data-status={row.status} data-count={row.count}>
            <span className="dot" style={{ background: css(darkTheme.status[row.status]) }} aria-hidden="true" />
            <span className="cluster-detail__label">{t(`status.${row.status}`)}</span>
            <span className="cluster-detail__bar" aria-hidden="true">
              <span style={{ width: `${row.percent}%`, background: css(darkTheme.status[row.status]) }} />
            </span>
            <span className="cluster-detail__count">{t('cluster.statusCount', { count: row.count, percent: row.percent })}</span>
          </li>
        ))}
      </ul>
      <dl className="detail__rows">
        <div className="detail__row">
          <dt>
            <span className="dot dot--ring" aria-hidden="true" /> {t('cluster.blackListed')}
          </dt>
          <dd data-testid="cluster-black">{share(cluster.blackListed)}</dd>
        </div>
        <div className="detail__row detail__row--explained">
          <dt>{t('cluster.attention')}</dt>
          <dd data-testid="cluster-attention">{share(attention)}</dd>
          <dd className="detail__help">{t('cluster.attentionHelp')}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="button cluster-detail__zoom"
        data-testid="cluster-zoom"
        data-zoom={target.zoom}
        aria-describedby="cluster-zoom-hint"
        onClick={() => onZoomTo(target.longitude, target.latitude, target.zoom)}
      >
        {t('cluster.zoomTo')}
      </button>
      <p id="cluster-zoom-hint" className="detail__hint">
        {t('cluster.zoomHint')}
      </p>
    </div>
  );
}
