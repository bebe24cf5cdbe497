import type { Browser, Page } from 'playwright-core';

export type Rgb = [number, number, number];
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Reads the pixels of a region of what the browser shows (a real screenshot of the composited page, map canvas
 * included), decoding the PNG in a blank page of the same browser, and counts the pixels each predicate accepts.
 */
export async function countPixels(browser: Browser, page: Page, region: Region, predicates: Record<string, string>): Promise<Record<string, number>> {
  const png = await page.screenshot({ clip: region, type: 'png' });
  const decoder = await browser.newPage();
  try {
    return await decoder.evaluate(
      async ({ base64, tests }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        // Only serialisable values reach the page, so the predicates travel as source text.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval
        const fns = Object.fromEntries(Object.entries(tests).map(([name, body]) => [name, new Function('r', 'g', 'b', `return ${body};`) as (r: number, g: number, b: number) => boolean]));
        const counts: Record<string, number> = Object.fromEntries(Object.keys(tests).map((name) => [name, 0]));
        for (let i = 0; i < data.length; i += 4) for (const name in fns) if (fns[name](data[i], data[i + 1], data[i + 2])) counts[name] += 1;
        return counts;
      },
      { base64: png.toString('base64'), tests: predicates },
    );
  } finally {
    await decoder.close();
  }
}

/** Pixel predicates as JS expressions over r, g, b (they run in the browser). */
export const PIXEL = {
  /** The district border colour (86, 180, 233), anti-aliasing allowed. */
  districtBorder: 'Math.abs(r - 86) < 28 && Math.abs(g - 180) < 28 && Math.abs(b - 233) < 28',
  /** Institution dots and clusters: the green-to-orange family of licensed / unlicensed, which nothing else on the map uses. */
  institution: 'g > 110 && g - b > 25 && !(r > 200 && g > 200 && b > 200)',
  /** The warm end of the clue heatmap (magma). */
  heatmap: 'r > 150 && r - b > 30 && g < r - 40',
  /** The offline basemap background (7, 13, 24). */
  background: 'r < 14 && g < 20 && b < 32',
} as const;
