// The dashboard's time range travels to the API as Shanghai day boundaries; every other date rule is the domain's.
import { addDays } from '../../server/domain/time.js';

/** Start of `from` and end of `to` in Shanghai time, as ISO instants for the API's from/to parameters. */
export function rangeToInstants(range: { from: string; to: string }): { from: string; to: string } {
  return { from: `${range.from}T00:00:00+08:00`, to: `${addDays(range.to, 1)}T00:00:00+08:00` };
}
