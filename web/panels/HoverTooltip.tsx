import { translateCode, useI18n } from '../i18n/index.js';
import { statusBreakdown } from '../layers/clusters.js';
import type { ScreenPick } from '../layers/picking.js';
import type { DistrictFeature } from '../layers/types.js';

export function HoverTooltip({ hover, districts, counts }: { hover: ScreenPick | null; districts: readonly DistrictFeature[]; counts: ReadonlyMap<string, number> }) {
  const { t, language } = useI18n();
  if (!hover) return null;
  const districtName = (code: string) => {
    const d = districts.find((f) => f.properties.code === code);
    return d ? (language === 'en' ? d.properties.nameEn : d.properties.name) : code;
  };
  let title = '';
  let lines: string[] = [];
  switch (hover.layerId) {
    case 'institution-points':
    case 'institution-tiles': {
      const p = hover.object.properties;
      title = p.name;
      lines = [`${translateCode(t, 'status', p.status)} · ${p.category}`, p.listStatus !== 'none' ? translateCode(t, 'list', p.listStatus) : ''];
      break;
    }
    case 'institution-clusters': {
      const c = hover.object;
      title = t('tooltip.institutions', { count: c.count });
      lines = statusBreakdown(c.byStatus).map((row) => `${translateCode(t, 'status', row.status)} ${row.count}`);
      if (c.blackListed > 0) lines.push(`${t('list.black')} ${c.blackListed}`);
      break;
    }
    case 'grid-choropleth': {
      const p = hover.object.properties;
      title = `${t('detail.gridCell')} ${p.code}`;
      lines = [t('tooltip.clues', { count: p.clueCount }), `${t('detail.worker')}：${p.workerName}`];
      break;
    }
    case 'district-choropleth': {
      const p = hover.object.properties;
      title = districtName(p.code);
      lines = [t('tooltip.clues', { count: counts.get(p.code) ?? 0 }), t('districts.institutions', { count: p.institutionCount })];
      break;
    }
    case 'clue-points': {
      const p = hover.object.properties;
      title = translateCode(t, 'type', p.suspectedType);
      lines = [translateCode(t, 'source', p.source), new Date(p.reportedAt).toLocaleString(language, { timeZone: 'Asia/Shanghai' })];
      break;
    }
    default:
      return null;
  }
  return (
    <div className="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }} role="tooltip" data-testid="tooltip">
      <div className="tooltip__title">{title}</div>
      {lines.filter(Boolean).map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
