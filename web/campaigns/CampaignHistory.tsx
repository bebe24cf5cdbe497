import type { CampaignVersions } from '../../server/contract/index.js';
import { districtNameIn } from '../i18n/names.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

/** The label of a changed field, as the form names it. */
const fieldLabel: Record<string, MessageKey> = {
  name: 'campaign.field.name',
  type: 'campaign.field.type',
  startsOn: 'campaign.field.startsOn',
  endsOn: 'campaign.field.endsOn',
  districts: 'campaign.field.districts',
  'focus.suspectedTypes': 'campaign.field.suspectedTypes',
  'focus.institutionCategories': 'campaign.field.categories',
  'focus.checkItems': 'campaign.field.checkItems',
  'goals.coverTierA': 'campaign.goal.coverTierA',
  'goals.drawPercent': 'campaign.goal.drawPercent',
  'goals.hotCellVisits': 'campaign.goal.hotCellVisits',
  'goals.hotCellConfidence': 'campaign.goal.hotCellConfidence',
};


/** 版本记录: every version, who made, submitted and approved it, and what changed from the one before. */
export function CampaignHistory({ versions }: { versions: CampaignVersions['versions'] }) {
  const { t, language } = useI18n();
  // Lists of codes are shown by their names, as the form shows them.
  const nameOf = (path: string, value: string): string => {
    if (path === 'districts') return districtNameIn(value, language) ?? value;
    if (path === 'focus.suspectedTypes') return t(`type.${value}` as MessageKey);
    if (path === 'focus.checkItems') return t(`campaign.check.${value}` as MessageKey);
    if (path === 'focus.institutionCategories') return t(`campaign.category.${value}` as MessageKey);
    if (path === 'type') return t(`campaign.type.${value}` as MessageKey);
    return value;
  };
  // Definitions hold strings, numbers, booleans and lists of strings: nothing here is an object.
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
  const show = (path: string, value: unknown) =>
    Array.isArray(value) ? value.map((v) => nameOf(path, text(v))).join('、') || '—' : value === null || value === undefined ? '—' : nameOf(path, text(value));
  const when = (iso: string) => new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
  return (
    <ol className="campaign-history" data-testid="campaign-history">
      {[...versions].reverse().map((v) => (
        <li key={v.version} className="campaign-history__version" data-testid={`campaign-version-${v.version}`}>
          <p className="campaign-history__head">
            <strong>{t('campaign.version', { version: v.version })}</strong>
            <span>{t('campaign.history.created', { by: v.createdBy, at: when(v.createdAt) })}</span>
            {v.submitted && <span>{t('campaign.history.submitted', { by: v.submitted.by, at: when(v.submitted.at) })}</span>}
            {v.approved && <span className="campaign-history__approved">{t('campaign.history.approved', { by: v.approved.by, at: when(v.approved.at) })}</span>}
          </p>
          {v.changes.length > 0 && (
            <ul className="campaign-history__changes">
              {v.changes.map((c) => (
                <li key={c.path}>
                  <span className="campaign-history__field" data-path={c.path}>
                    {fieldLabel[c.path] ? t(fieldLabel[c.path]) : c.path}
                  </span>
                  ：{show(c.path, c.before)} → {show(c.path, c.after)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
