// How an audit entry reads on the screen: Shanghai time, a short hash, the entity, and a one-line summary of the change.
import type { AuditEntry, ChainBreakReason } from '../../server/contract/index.js';
import { SECOND_MS, shanghaiParts } from '../../server/domain/time.js';
import { translateCode, type MessageKey, type Translate } from '../i18n/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-01 08:00:05" in Asia/Shanghai, whatever the browser's own time zone. */
export function shanghaiDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { date, secondOfDay } = shanghaiParts(instant);
  return `${date} ${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}`;
}

/** Enough of a SHA-256 to tell entries apart by eye; the full hash is in the row's detail. */
export const shortHash = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

export function entityLabel(t: Translate, entry: Pick<AuditEntry, 'entity' | 'entityId'>): string {
  const kind = translateCode(t, 'auditEntity', entry.entity);
  return entry.entityId === null ? kind : `${kind} #${entry.entityId}`;
}

/** "850 ms" or "2.4 s": the time the server took to walk the chain. */
export function durationLabel(t: Translate, ms: number): string {
  return ms < SECOND_MS ? t('audit.verify.ms', { ms: Math.round(ms) }) : t('audit.verify.seconds', { seconds: (ms / SECOND_MS).toFixed(1) });
}

const reasonKeys: Record<ChainBreakReason, MessageKey> = {
  'prev_hash does not match the previous entry': 'audit.reason.prevHash',
  "hash does not match the entry's content": 'audit.reason.content',
};

/** Why the chain broke, in the reader's language (the API gives the verifier's English words). */
export const reasonLabel = (t: Translate, reason: ChainBreakReason): string => t(reasonKeys[reason]);

type JsonObject = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (record: JsonObject, key: string): string | null => {
  const value = record[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

/** The fields whose values differ between before and after (all of after's for a creation), in a stable order. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]));
}

/** The summary of an action the screen knows, or null to fall back to the fields that changed. */
function knownSummary(t: Translate, entry: AuditEntry): string | null {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  switch (entry.action) {
    case 'seed': {
      const [institutions, clues, seed] = [text(after, 'institutions'), text(after, 'clues'), text(after, 'seed')];
      return institutions && clues ? t('audit.summary.seed', { institutions, clues, seed: seed ?? '—' }) : null;
    }
    case 'auth.login': {
      const until = text(after, 'expiresAt');
      return until ? t('audit.summary.login', { until: shanghaiDateTime(until) }) : null;
    }
    case 'auth.logout':
      return t('audit.summary.logout');
    case 'clue.create': {
      const [type, address] = [text(after, 'suspectedType'), text(after, 'address')];
      return type && address ? t('audit.summary.clueCreate', { type: translateCode(t, 'type', type), address }) : null;
    }
    case 'clue.status': {
      const [from, to, note] = [text(before, 'status'), text(after, 'status'), text(after, 'note')];
      if (!from || !to) return null;
      const params = { from: translateCode(t, 'clueStatus', from), to: translateCode(t, 'clueStatus', to) };
      return note ? t('audit.summary.clueStatusNote', { ...params, note }) : t('audit.summary.clueStatus', params);
    }
    case 'patrol.plan': {
      const request = isRecord(after.request) ? after.request : {};
      const [date, unassigned] = [text(request, 'date'), text(after, 'unassigned')];
      if (!Array.isArray(after.teams) || !date) return null;
      return t('audit.summary.patrolPlan', { teams: after.teams.length, date, unassigned: unassigned ?? '0' });
    }
    case 'holiday_schedule.save': {
      const [year, source] = [text(after, 'year'), text(after, 'source')];
      if (!year || !Array.isArray(after.days)) return null;
      const kinds = after.days.map((d) => (isRecord(d) ? d.kind : null));
      return t('audit.summary.holidaySchedule', {
        year,
        holidays: kinds.filter((k) => k === 'holiday').length,
        makeup: kinds.filter((k) => k === 'makeup_workday').length,
        source: source ?? '—',
      });
    }
    case 'holiday_schedule.remove':
      return entry.entityId ? t('audit.summary.holidayRemoved', { year: entry.entityId }) : null;
    case 'school_vacations.save':
      return Array.isArray(entry.after) ? t('audit.summary.vacations', { count: entry.after.length }) : null;
    default:
      return null;
  }
}

/** One line saying what the entry changed, in the reader's language; the JSON detail holds the rest. */
export function summariseChange(t: Translate, entry: AuditEntry): string {
  const known = knownSummary(t, entry);
  if (known) return known;
  const fields = changedFields(entry.before, entry.after);
  if (fields.length === 0) return t('audit.summary.none');
  const key = entry.before === null || entry.before === undefined ? 'audit.summary.created' : 'audit.summary.changed';
  return t(key, { fields: fields.join(', ') });
}
