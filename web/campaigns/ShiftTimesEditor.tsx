import { DEFAULT_CAMPAIGN_SHIFTS, MAX_SHIFTS_PER_DAY_TYPE, shiftOverrideIssues, type ShiftTime } from '../../server/domain/campaign-shift-times.js';
import type { CampaignShiftTimes } from '../../server/domain/campaign.js';
import { campaignDayTypes, type CampaignDayType } from '../../server/domain/vocabulary.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

export interface ShiftTimesEditorProps {
  shifts: CampaignShiftTimes;
  disabled: boolean;
  /** Field → message, as `shifts.weekend[1].end`. */
  issues: Record<string, string>;
  onChange: (next: CampaignShiftTimes) => void;
}

/**
 * A campaign's patrol shifts per day type: the defaults until changed, then the campaign's own, with a way back.
 * Times are typed as HH:MM text: a time input shows the browser's 12-hour clock on many machines, the plan and the
 * dispatch sheets the 24-hour one.
 */
export function ShiftTimesEditor({ shifts, disabled, issues, onChange }: ShiftTimesEditorProps) {
  const { t } = useI18n();
  // The kernel's own rules, checked as the user types; the server's words only for what they do not cover.
  const local = new Map(shiftOverrideIssues(shifts, 'shifts').map((issue) => [issue.path, t(`campaign.shiftIssue.${issue.code}` as MessageKey)]));
  const problem = (path: string) => local.get(path) ?? issues[path];
  const timesOf = (type: CampaignDayType): readonly ShiftTime[] => shifts[type] ?? DEFAULT_CAMPAIGN_SHIFTS[type];
  const put = (type: CampaignDayType, times: ShiftTime[] | null) => {
    const next = { ...shifts };
    if (times) next[type] = times;
    else delete next[type];
    onChange(next);
  };
  const edit = (type: CampaignDayType, index: number, field: keyof ShiftTime, value: string) =>
    put(type, timesOf(type).map((time, i) => (i === index ? { ...time, [field]: value } : { ...time })));
  return (
    <fieldset className="campaign-form__shifts" data-testid="campaign-shifts">
      <legend>{t('campaign.field.shifts')}</legend>
      <p className="campaign-form__hint">{t('campaign.shifts.hint')}</p>
      <table className="shift-times">
        <tbody>
          {campaignDayTypes.map((type) => {
            const own = shifts[type] !== undefined;
            const times = timesOf(type);
            const dayName = t(`dayType.${type}` as MessageKey);
            return (
              <tr key={type} data-day-type={type}>
                <th scope="row">
                  {dayName}
                  <span className={`shift-times__origin${own ? ' shift-times__origin--own' : ''}`}>{t(own ? 'campaign.shifts.own' : 'campaign.shifts.default')}</span>
                </th>
                <td>
                  {times.length === 0 && <span className="shift-times__none">{t('campaign.shifts.none')}</span>}
                  {times.map((time, i) => {
                    const at = `shifts.${type}[${i}]`;
                    const error = problem(`${at}.start`) ?? problem(`${at}.end`);
                    return (
                      <span key={i} className="shift-times__shift" aria-invalid={error ? true : undefined}>
                        <input type="text" className="shift-times__clock" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" maxLength={5} placeholder="HH:MM" value={time.start} disabled={disabled} aria-label={t('campaign.shifts.start', { day: dayName, n: i + 1 })} onChange={(e) => edit(type, i, 'start', e.target.value)} />
                        –
                        <input type="text" className="shift-times__clock" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" maxLength={5} placeholder="HH:MM" value={time.end} disabled={disabled} aria-label={t('campaign.shifts.end', { day: dayName, n: i + 1 })} onChange={(e) => edit(type, i, 'end', e.target.value)} />
                        {!disabled && (
                          <button type="button" className="button button--small shift-times__remove" aria-label={t('campaign.shifts.remove', { day: dayName, n: i + 1 })} onClick={() => put(type, times.filter((_, k) => k !== i).map((x) => ({ ...x })))}>
                            ×
                          </button>
                        )}
                        {error && <span className="field-error">{error}</span>}
                      </span>
                    );
                  })}
                  {!disabled && times.length < MAX_SHIFTS_PER_DAY_TYPE && (
                    <button type="button" className="button button--small" onClick={() => put(type, [...times.map((x) => ({ ...x })), { start: '18:00', end: '21:00' }])}>
                      {t('campaign.shifts.add')}
                    </button>
                  )}
                  {!disabled && own && (
                    <button type="button" className="button button--small shift-times__reset" onClick={() => put(type, null)}>
                      {t('campaign.shifts.reset')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
