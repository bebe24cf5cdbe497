import sharp, { type Sharp } from 'sharp';
import type { ReportImageType } from './sniff.js';

/** Longest side of a thumbnail, pixels: a phone list's tile at 2–3× device pixels. */
export const THUMBNAIL_MAX_SIDE = 320;
/** Larger images are refused: a 10 MB PNG of one colour may claim a billion pixels (a decompression bomb). */
export const MAX_PHOTO_PIXELS = 120_000_000;
const THUMBNAIL_QUALITY = 80;

/** Bytes that begin like an image but do not decode as one (truncated, corrupt, or too many pixels). */
export class PhotoDecodeError extends Error {
  override name = 'PhotoDecodeError';
}

/** Upright, within `maxSide` (never enlarged), on white, as JPEG; sharp writes no metadata unless asked (no EXIF, no GPS). */
const jpegCopy = (image: Sharp, maxSide: number, quality: number): Promise<Buffer> =>
  image.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer();

/** Longest side of a public report's display copy, pixels: enough to read a sign on a door. */
export const DISPLAY_COPY_MAX_SIDE = 2048;
const DISPLAY_COPY_QUALITY = 85;

export interface DecodedPhoto {
  /** As shown: after the EXIF orientation is applied (a portrait photo stored sideways is taller than wide). */
  width: number;
  height: number;
  /** JPEG, longest side THUMBNAIL_MAX_SIDE (never enlarged), upright, without any metadata (no EXIF GPS). */
  thumbnail: Buffer;
}

/**
 * Decodes the whole image (not just its header: a truncated file has a valid header) and makes its thumbnail.
 * `failOn: 'error'` refuses truncated and broken data but lets through the harmless warnings some cameras' files raise.
 */
export async function decodePhoto(bytes: Uint8Array, mediaType: ReportImageType): Promise<DecodedPhoto> {
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS, autoOrient: true });
  try {
    const metadata = await input().metadata();
    const format = metadata.format ? `image/${metadata.format}` : null;
    if (format !== mediaType) throw new PhotoDecodeError(`the bytes decode as ${metadata.format ?? 'nothing'}, not ${mediaType}`);
    const thumbnail = await jpegCopy(input(), THUMBNAIL_MAX_SIDE, THUMBNAIL_QUALITY);
    return { width: metadata.autoOrient.width, height: metadata.autoOrient.height, thumbnail };
  } catch (error) {
    if (error instanceof PhotoDecodeError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PhotoDecodeError(`the image does not decode: ${reason}`);
  }
}

export interface DisplayCopy extends DecodedPhoto {
  /** The image re-encoded as JPEG, longest side DISPLAY_COPY_MAX_SIDE, upright, without any metadata. */
  display: Buffer;
}

/**
 * A public report's photo as it is stored: decoded whole like any photo, then re-encoded, so that nothing of the
 * reporter's file (its EXIF GPS, camera serial, thumbnails of the original) is kept.
 */
export async function displayCopyOf(bytes: Uint8Array, mediaType: ReportImageType): Promise<DisplayCopy> {
  const decoded = await decodePhoto(bytes, mediaType);
  const display = await jpegCopy(sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, autoOrient: true }), DISPLAY_COPY_MAX_SIDE, DISPLAY_COPY_QUALITY);
  const size = await sharp(display).metadata();
  return { ...decoded, display, width: size.width, height: size.height };
}
