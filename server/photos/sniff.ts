import type { photoMediaTypes } from '../contract/field.js';

export type PhotoMediaType = (typeof photoMediaTypes)[number];

// The magic bytes of the two accepted formats. A name or a declared content type is what the client says; the first
// bytes are what the decoder will meet, so they alone decide.
const signatures: ReadonlyArray<{ mediaType: PhotoMediaType; bytes: readonly number[] }> = [
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the bytes begin with (JPEG or PNG), or null for anything else (an empty body included). */
export function sniffPhotoType(bytes: Uint8Array): PhotoMediaType | null {
  const match = signatures.find((s) => bytes.length >= s.bytes.length && s.bytes.every((b, i) => bytes[i] === b));
  return match?.mediaType ?? null;
}

/**
 * The media type of a Content-Type header value (lower case, parameters dropped) when it is one of the accepted two;
 * null otherwise, an absent header included.
 */
export function declaredPhotoType(contentType: string | undefined | null): PhotoMediaType | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return signatures.find((s) => s.mediaType === type)?.mediaType ?? null;
}
