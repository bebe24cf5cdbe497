/** Synthetic postal addresses: real district and 街镇 names, invented roads and numbers. */
import type { Random } from '../../../server/domain/random.js';
import { roadName } from './names.js';

export type AddressKind = 'premises' | 'flat';

export function syntheticAddress(random: Random, districtName: string, streetName: string, kind: AddressKind): string {
  const road = roadName(random);
  if (kind === 'flat') {
    const lane = 1 + random.int(1500);
    const building = 1 + random.int(60);
    const floor = 1 + random.int(random.chance(0.7) ? 7 : 30);
    const room = floor * 100 + 1 + random.int(6);
    return `${districtName}${streetName}${road}${lane}弄${building}号${room}室`;
  }
  const number = 1 + random.int(2000);
  const floorPart = random.chance(0.6) ? `${1 + random.int(12)}楼` : random.chance(0.5) ? `${1 + random.int(30)}层${1 + random.int(20)}室` : '';
  return `${districtName}${streetName}${road}${number}号${floorPart}`;
}
