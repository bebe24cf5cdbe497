import type { IdleTeam, UnassignedStop } from '../../server/contract/index.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { zhCN } from '../i18n/zh-CN.js';

const minutes = (seconds: number) => Math.ceil(seconds / 60);

/**
 * Why a target is not scheduled, worded from the solver's counts. Without counts (a plan kept from before they were
 * sent) the solver's own English message is the honest fallback: a template would show its placeholders.
 */
export function unassignedText(t: Translate, u: Pick<UnassignedStop, 'reason' | 'message' | 'details'>): string {
  const d = u.details;
  if (!d) return u.message;
  // Fewer teams have the skill than there are teams: the reason names that, whatever blocks the ones that do.
  const limited = d.skilled > 0 && d.skilled < d.vehicles;
  const key = u.reason === 'skills' && d.skilled > 0 ? 'skills_limited' : u.reason === 'max_tasks' && limited ? 'max_tasks_limited' : u.reason;
  const full = `planner.reason.${key}`;
  if (!(full in zhCN)) return u.message;
  return t(full as MessageKey, {
    vehicles: d.vehicles,
    skilled: d.skilled,
    suitable: d.suitable,
    maxTasks: d.max_tasks ?? '—',
    needed: d.needed_seconds === undefined ? '—' : minutes(d.needed_seconds),
    shift: d.shift_seconds === undefined ? '—' : minutes(d.shift_seconds),
  });
}

/** Why a team formed for the patrol has no stop. */
export function idleText(t: Translate, team: Pick<IdleTeam, 'reason' | 'message' | 'details'>): string {
  const key = `planner.idle.${team.reason}`;
  if (!(key in zhCN)) return team.message;
  return t(key as MessageKey, { reachable: team.details.reachable, compatible: team.details.compatible, jobs: team.details.jobs });
}
