import type { photoMediaTypes } from '../contract/field.js';

export type PhotoMediaType = (typeof photoMediaTypes)[number];
/** What a public report (随手拍) also accepts: phones' WebP besides JPEG and PNG. */
export type ReportImageType = PhotoMediaType | 'image/webp';

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

/** RIFF, four bytes of size, WEBP. */
const isWebp = (bytes: Uint8Array): boolean =>
  bytes.length >= 12 && [0x52, 0x49, 0x46, 0x46].every((b, i) => bytes[i] === b) && [0x57, 0x45, 0x42, 0x50].every((b, i) => bytes[8 + i] === b);

/** The media type of a public report's photo by its bytes: JPEG, PNG or WebP, else null. */
export function sniffReportImageType(bytes: Uint8Array): ReportImageType | null {
  return sniffPhotoType(bytes) ?? (isWebp(bytes) ? 'image/webp' : null);
}
