import { unzipSync } from 'fflate';

// The entries of a .zip, as fflate reads them (stored and deflated entries, which is what QGIS, ArcGIS, Windows'
// "send to compressed folder" and this product's exports write); a file that is not one is a ZipError, said plainly.

export class ZipError extends Error {}

export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new ZipError(`not a zip archive, or a damaged one (${error instanceof Error ? error.message : String(error)})`);
  }
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}
