import { DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_REPORT_PHOTO_BYTES, MAX_REPORT_PHOTOS } from '../../server/contract/public-reports.js';
import { ApiError } from '../api/errors.js';
import type { MessageKey } from '../i18n/index.js';

// The server's refusals of a report as messages beside the fields they name (details.issues[].path), in the
// catalogue's words: the server's own messages are English, for developers.

export type ReportField = 'photos' | 'position' | 'category' | 'description' | 'address' | 'contact' | 'form';
export type FieldErrors = Partial<Record<ReportField, { key: MessageKey; params?: Record<string, string | number> }>>;

const FIELDS: readonly ReportField[] = ['photos', 'position', 'category', 'description', 'address', 'contact'];

/** A zod path (['photos', 1]) or a service's ('photos.1'), as its first segment. */
const fieldOfPath = (path: unknown): ReportField | null => {
  const head = String(Array.isArray(path) ? path[0] : typeof path === 'string' ? path.split('.')[0] : '');
  const field = head === 'longitude' || head === 'latitude' ? 'position' : head;
  return (FIELDS as readonly string[]).includes(field) ? (field as ReportField) : null;
};

function messageOf(field: ReportField, error: ApiError, path: unknown, photoNames: readonly string[]): NonNullable<FieldErrors[ReportField]> {
  switch (field) {
    case 'photos': {
      const index = Number(Array.isArray(path) ? path[1] : typeof path === 'string' ? path.split('.')[1] : NaN);
      const name = photoNames[index] ?? '';
      if (error.code === 'unsupported_media_type') return { key: 'publicReport.error.photoType', params: { name } };
      if (error.code === 'payload_too_large') return { key: 'publicReport.error.photoSize', params: { name, mb: MAX_REPORT_PHOTO_BYTES / 1024 / 1024 } };
      if (error.code === 'validation_failed') return { key: 'publicReport.error.photoCount', params: { max: MAX_REPORT_PHOTOS } };
      return { key: 'publicReport.error.photoBroken' };
    }
    case 'position':
      return { key: error.code === 'unprocessable' && /outside/.test(error.message) ? 'publicReport.error.positionOutside' : 'publicReport.error.position' };
    case 'description':
      return { key: 'publicReport.error.description', params: { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX } };
    default:
      return { key: `publicReport.error.${field}` as MessageKey };
  }
}

/** The errors to show for a failed submission: by field when the server names one, else one for the whole form. */
export function fieldErrorsOf(error: unknown, photoNames: readonly string[] = []): FieldErrors {
  if (!(error instanceof ApiError)) return { form: { key: 'publicReport.error.failed' } };
  if (error.code === 'rate_limited') {
    const seconds = Number((error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds ?? 60);
    return { form: { key: 'publicReport.error.rateLimited', params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } } };
  }
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues ?? [];
  const found: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (field && !found[field]) found[field] = messageOf(field, error, issue.path, photoNames);
  }
  return Object.keys(found).length > 0 ? found : { form: { key: 'publicReport.error.failed' } };
}
