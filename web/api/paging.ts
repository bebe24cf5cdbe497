import type { FeatureCollection } from '../../server/contract/index.js';

export interface PagedFeatures<G, P> {
  features: FeatureCollection<G, P>['features'];
  /** True when more features existed than the page budget allowed: the UI says so instead of hiding it. */
  truncated: boolean;
}

/** Follows `nextCursor` until the collection ends or `maxPages` pages were read. */
export async function readPages<G, P>(
  fetchPage: (cursor: string | undefined) => Promise<FeatureCollection<G, P>>,
  maxPages: number,
): Promise<PagedFeatures<G, P>> {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`maxPages must be a positive integer, got ${maxPages}`);
  const features: FeatureCollection<G, P>['features'] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const collection = await fetchPage(cursor);
    features.push(...collection.features);
    cursor = collection.nextCursor ?? undefined;
    if (!cursor) return { features, truncated: false };
  }
  return { features, truncated: true };
}
