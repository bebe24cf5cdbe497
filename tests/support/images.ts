import sharp from 'sharp';

// Test images made on the spot, with known EXIF: what a phone camera writes, reduced to what the tests read back.

export interface ExifFields {
  /** "YYYY:MM:DD HH:MM:SS" */
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  /** Decimal degrees; written as EXIF writes them, degrees/minutes/seconds with N/S and E/W. */
  gps?: { lat: number; lon: number };
  /** EXIF orientation 1–8. */
  orientation?: number;
}

const rational = (value: number) => {
  const degrees = Math.floor(value);
  const minutesFull = (value - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const seconds = Math.round((minutesFull - minutes) * 60 * 10000);
  return `${degrees}/1 ${minutes}/1 ${seconds}/10000`;
};

/**
 * A JPEG of `width`×`height` whose left half is red and right half blue (so a rotation can be seen in the pixels),
 * with the EXIF asked for.
 */
export async function testJpeg(width: number, height: number, exif: ExifFields = {}, options: { noise?: boolean } = {}): Promise<Buffer> {
  const half = await sharp({ create: { width: Math.floor(width / 2), height, channels: 3, background: '#ff0000' } }).png().toBuffer();
  let image = options.noise
    ? sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    : sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([{ input: half, left: 0, top: 0 }]);
  image = image.jpeg({ quality: 90 });
  const ifd2: Record<string, string> = {};
  if (exif.dateTimeOriginal) ifd2.DateTimeOriginal = exif.dateTimeOriginal;
  if (exif.offsetTimeOriginal) ifd2.OffsetTimeOriginal = exif.offsetTimeOriginal;
  const ifd3: Record<string, string> = {};
  if (exif.gps) {
    ifd3.GPSLatitudeRef = exif.gps.lat >= 0 ? 'N' : 'S';
    ifd3.GPSLatitude = rational(Math.abs(exif.gps.lat));
    ifd3.GPSLongitudeRef = exif.gps.lon >= 0 ? 'E' : 'W';
    ifd3.GPSLongitude = rational(Math.abs(exif.gps.lon));
  }
  if (Object.keys(ifd2).length || Object.keys(ifd3).length) image = image.withExif({ IFD0: { Software: 'jointops-test' }, IFD2: ifd2, IFD3: ifd3 });
  // After withExif: sharp writes the orientation tag itself, from this.
  if (exif.orientation) image = image.withMetadata({ orientation: exif.orientation });
  return image.toBuffer();
}

export const testPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();

export const testGif = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#00ff00' } }).gif().toBuffer();

/** The RGB of a pixel of an encoded image. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}
