import sharp from 'sharp';
import type { PhotoMediaType } from './sniff.js';

/** Longest side of a thumbnail, pixels: a phone list's tile at 2–3× device pixels. */
export const THUMBNAIL_MAX_SIDE = 320;
/** Larger images are refused: a 10 MB PNG of one colour may claim a billion pixels (a decompression bomb). */
export const MAX_PHOTO_PIXELS = 120_000_000;
const THUMBNAIL_QUALITY = 80;

/** Bytes that begin like an image but do not decode as one (truncated, corrupt, or too many pixels). */
export class PhotoDecodeError extends Error {
  override name = 'PhotoDecodeError';
}

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
export async function decodePhoto(bytes: Uint8Array, mediaType: PhotoMediaType): Promise<DecodedPhoto> {
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS, autoOrient: true });
  try {
    const metadata = await input().metadata();
    const format = metadata.format === 'jpeg' ? 'image/jpeg' : metadata.format === 'png' ? 'image/png' : null;
    if (format !== mediaType) throw new PhotoDecodeError(`the bytes decode as ${metadata.format ?? 'nothing'}, not ${mediaType}`);
    const thumbnail = await input()
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: THUMBNAIL_QUALITY })
      .toBuffer();
    return { width: metadata.autoOrient.width, height: metadata.autoOrient.height, thumbnail };
  } catch (error) {
    if (error instanceof PhotoDecodeError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PhotoDecodeError(`the image does not decode: ${reason}`);
  }
}
