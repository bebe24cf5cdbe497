import { systemClock } from '../../server/domain/clock.js';
import { shanghaiIsoString } from '../../server/domain/time.js';

/**
 * A write's idempotency key (UUID v4), made when the officer acts. crypto.randomUUID exists only in a secure context
 * (HTTPS or localhost); getRandomValues everywhere, so a phone on a plain-HTTP test server still gets a proper key.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The device's clock now, as the API takes it (ISO 8601 with Shanghai's offset): when the officer acted. */
export const deviceNow = (): string => shanghaiIsoString(systemClock());

/** SHA-256 of a photo's bytes in lower-case hex, as the content-addressed store names it. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
}
