import exifr from 'exifr';
import { SHANGHAI_UTC_OFFSET_MS } from '../domain/time.js';

/** What a photo's EXIF says about where and when it was taken; null where it says nothing usable. */
export interface PhotoExif {
  /** DateTimeOriginal as an instant. */
  takenAt: Date | null;
  /** The GPS position, [lon, lat] WGS84 as receivers give it (cameras write no other datum). */
  location: [number, number] | null;
}

const noExif: PhotoExif = { takenAt: null, location: null };

/**
 * Reads DateTimeOriginal (with OffsetTimeOriginal) and the GPS position. EXIF is the camera's word, not evidence the
 * product relies on, so a missing or broken EXIF block gives nulls rather than refusing the photo.
 */
export async function readPhotoExif(bytes: Uint8Array): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    // reviveValues off: exifr would turn the date into a Date in this process's own time zone.
    tags = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      reviveValues: false,
      gps: true,
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef', 'latitude', 'longitude'],
    })) as Record<string, unknown> | undefined;
  } catch {
    return noExif;
  }
  if (!tags) return noExif;
  return { takenAt: exifInstant(tags.DateTimeOriginal, tags.OffsetTimeOriginal), location: exifLocation(tags.latitude, tags.longitude) };
}

const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * An EXIF date-time ("2026:10:30 14:05:09", the camera's wall clock) as an instant: at the EXIF offset when one is
 * given ("+08:00"), else in Asia/Shanghai, where the product's cameras are. Unset clocks ("0000:00:00 00:00:00") and
 * impossible dates give null.
 */
export function exifInstant(dateTime: unknown, offset: unknown): Date | null {
  const match = typeof dateTime === 'string' ? EXIF_DATE_TIME.exec(dateTime.trim()) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const parts = new Date(wallClock);
  const valid =
    year >= 1970 && parts.getUTCFullYear() === year && parts.getUTCMonth() === month - 1 && parts.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) return null;
  const zone = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  const offsetMs = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000 : SHANGHAI_UTC_OFFSET_MS;
  return new Date(wallClock - offsetMs);
}

/** exifr's decimal degrees (the reference N/S/E/W already applied) as [lon, lat], when both are real coordinates. */
export function exifLocation(latitude: unknown, longitude: unknown): [number, number] | null {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return [longitude, latitude];
}
