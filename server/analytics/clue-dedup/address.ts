// The flat a clue points at, read from its normalised text: residential compound (小区), building, unit, room.
// Two reports of one building that name different rooms are different flats however alike their wording, and
// the text similarity alone cannot see that (502 and 602 differ in one character).

export interface FlatAddress {
  /** The characters before the compound's generic ending (小区, 花园 …), with whatever district or road precedes. */
  compound?: string;
  building?: string;
  unit?: string;
  room?: string;
}

// Not followed by 街道: many Shanghai 街道 are named after an old 新村 (曹杨新村街道, 彭浦新村街道).
const COMPOUND = /([\u4e00-\u9fa5]{1,8})(?:小区|花园|新村|公寓|家园|苑|大厦|广场)(?!街道)/;
// The compound written right before the building number: a name may itself hold an ending (和苑家园, 明苑苑).
const COMPOUND_BEFORE_BUILDING = /([\u4e00-\u9fa5]{1,8}?)(?:小区|花园|新村|公寓|家园|苑|大厦|广场)$/;
const BUILDING = /(\d+)号楼/;
const UNIT = /号楼(\d+)单元/;
const ROOM = /号楼(?:\d+单元)?(\d{3,4})(?!\d)/;

/** Reads the address parts of a compact normalised text (see normalise.ts); parts not written are absent. */
export function parseFlatAddress(compact: string): FlatAddress {
  const address: FlatAddress = {};
  const building = BUILDING.exec(compact);
  const compound = (building && COMPOUND_BEFORE_BUILDING.exec(compact.slice(0, building.index))) ?? COMPOUND.exec(compact);
  if (compound) address.compound = compound[1];
  if (building) address.building = String(Number(building[1]));
  const unit = UNIT.exec(compact);
  if (unit) address.unit = String(Number(unit[1]));
  const room = ROOM.exec(compact);
  if (room) address.room = room[1];
  return address;
}

function commonSuffixLength(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/**
 * One compound when the names before the ending agree in their last two characters: "普陀区长寿路街道阳光" and
 * "长寿路阳光" are both 阳光小区, the prefix being district and road written or not.
 */
export function sameCompound(a: string, b: string): boolean {
  return commonSuffixLength(a, b) >= Math.min(2, a.length, b.length);
}

export type AddressComparison = 'same_flat' | 'conflict' | 'unknown';

/**
 * same_flat: compound, building and room all written and equal (a unit, if both write one, equal too); conflict: a
 * part both write differs; unknown otherwise (a terse report without a room may be any flat of its building).
 */
export function compareFlatAddresses(a: FlatAddress, b: FlatAddress): AddressComparison {
  if (a.compound !== undefined && b.compound !== undefined && !sameCompound(a.compound, b.compound)) return 'conflict';
  if (a.building !== undefined && b.building !== undefined && a.building !== b.building) return 'conflict';
  if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) return 'conflict';
  if (a.room !== undefined && b.room !== undefined && a.room !== b.room) return 'conflict';
  if (a.compound !== undefined && b.compound !== undefined && a.building !== undefined && b.building !== undefined && a.room !== undefined && b.room !== undefined) {
    return 'same_flat';
  }
  return 'unknown';
}

/** The flat as one line for an operator, e.g. 阳光小区 3号楼 502. */
export function formatFlatAddress(a: FlatAddress): string {
  return [a.compound, a.building && `${a.building}号楼`, a.unit && `${a.unit}单元`, a.room].filter(Boolean).join(' ');
}
