import type { CampaignType } from '../../domain/campaign.js';
import type { DispatchSheet, DispatchStop } from './schema.js';

// How a sheet's values read wherever they are shown: on paper, on screen and in files.

/** 18:00–21:30. */
export const shiftText = (sheet: Pick<DispatchSheet, 'shift'>): string => `${sheet.shift.start}–${sheet.shift.end}`;

/** 5 for 0.05: a share as a percentage, at most two decimals, no trailing zeros. */
export const ratioPercent = (ratio: number): string => String(Number((ratio * 100).toFixed(2)));

/** The words under a stop's name: 网格巡查 for a grid cell, else the credit code or that there is none. */
export function stopNote(stop: Pick<DispatchStop, 'kind' | 'creditCode'>): { key: 'dispatch.kind.gridCell' | 'dispatch.creditCode' | 'dispatch.noCreditCode'; params?: { code: string } } {
  if (stop.kind === 'gridCell') return { key: 'dispatch.kind.gridCell' };
  return stop.creditCode ? { key: 'dispatch.creditCode', params: { code: stop.creditCode } } : { key: 'dispatch.noCreditCode' };
}

export type SheetFieldLabel =
  | 'dispatch.campaign'
  | 'dispatch.campaignType'
  | 'dispatch.district'
  | 'dispatch.date'
  | 'dispatch.shift'
  | 'dispatch.team'
  | 'dispatch.base'
  | 'dispatch.members';

/** The header fields of a sheet, in the order printed (two a row on paper); `typeName` names the campaign type. */
export function sheetFields(sheet: DispatchSheet, typeName: (type: CampaignType) => string): [SheetFieldLabel, string][] {
  return [
    ['dispatch.campaign', sheet.campaign.name],
    ['dispatch.campaignType', typeName(sheet.campaign.type)],
    ['dispatch.district', sheet.district.name],
    ['dispatch.date', sheet.date],
    ['dispatch.shift', shiftText(sheet)],
    ['dispatch.team', sheet.team.label],
    ['dispatch.base', sheet.route.base?.name ?? '—'],
    ['dispatch.members', sheet.members.map((m) => m.name).join('、')],
  ];
}
