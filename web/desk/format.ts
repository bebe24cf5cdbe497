import { shanghaiIsoString } from '../../server/domain/time.js';
import { translateCode, type Translate } from '../i18n/index.js';
import { durationParts, slaClock, isOpenStatus, type SlaInput, type SlaUrgency } from '../state/desk.js';

/** "2026-11-20 10:30" in Shanghai time. */
export const shanghaiMinute = (iso: string | null): string => (iso ? shanghaiIsoString(new Date(iso)).slice(0, 16).replace('T', ' ') : '—');

export function durationText(t: Translate, minutes: number): string {
  const p = durationParts(minutes);
  if (p.days > 0) return t('desk.duration.dh', { d: p.days, h: p.hours });
  if (p.hours > 0) return t('desk.duration.hm', { h: p.hours, m: p.minutes });
  return t('desk.duration.m', { m: p.minutes });
}

/** The SLA clock's words and colour: time left or past, paused, none. */
export function slaText(t: Translate, clue: SlaInput & { status: string }, nowMs: number): { urgency: SlaUrgency; text: string } {
  const clock = slaClock({ ...clue, open: isOpenStatus(clue.status) }, nowMs);
  if (!isOpenStatus(clue.status)) return { urgency: clock.urgency, text: t('desk.sla.closed') };
  if (clock.urgency === 'paused') return { urgency: clock.urgency, text: t('desk.sla.paused') };
  if (clock.minutesLeft === null) return { urgency: clock.urgency, text: t('desk.sla.none') };
  const time = durationText(t, clock.minutesLeft);
  return { urgency: clock.urgency, text: clock.minutesLeft <= 0 ? t('desk.sla.past', { time }) : t('desk.sla.left', { time }) };
}

export const departmentName = (t: Translate, code: string | null): string => translateCode(t, 'department', code);
