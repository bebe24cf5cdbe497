import exifr from 'exifr';
import { MAX_REPORT_PHOTO_BYTES, reportImageTypes } from '../../server/contract/public-reports.js';

// The report form's photo checks before sending, with the EXIF reader the server uses (exifr runs in browsers too).
// The server checks again by the bytes; these only spare the reporter a refused upload.

/** The first bytes of the three accepted formats (the server's sniff decides; this is the same rule, shown early). */
function typeByBytes(head: Uint8Array): (typeof reportImageTypes)[number] | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Why a chosen file cannot be sent ('type' or 'size'), or null when it can. */
export async function checkPhotoFile(file: File): Promise<'type' | 'size' | null> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (typeByBytes(head) === null) return 'type';
  return file.size > MAX_REPORT_PHOTO_BYTES ? 'size' : null;
}

/** The photo's EXIF GPS position as [lon, lat], or null when it has none (or none that is a real coordinate). */
export async function photoPosition(file: File): Promise<[number, number] | null> {
  try {
    const gps = (await exifr.gps(file)) as { latitude?: unknown; longitude?: unknown } | undefined;
    const { latitude, longitude } = gps ?? {};
    if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
    return [longitude, latitude];
  } catch {
    return null;
  }
}
