// The words of the district review: the levels of its drill-down and the parts of its ranking.

/** From the city down to one institution: 市 → 区 → 街镇 → 网格 → 机构. */
export const reviewLevels = ['city', 'district', 'street', 'cell', 'institution'] as const;
export type ReviewLevelName = (typeof reviewLevels)[number];

/** The level one step below `level`, null below an institution. */
export const childLevelOf = (level: ReviewLevelName): ReviewLevelName | null => reviewLevels[reviewLevels.indexOf(level) + 1] ?? null;

/**
 * The ranking's parts (拉榜排名): clues per 10,000 residents, the on-time rate, the closure rate, the campaigns' coverage
 * of their priority targets and the share of named institutions reported twice or more (repeat offenders).
 */
export const rankingPartKeys = ['cluesPer10k', 'onTimeRate', 'closureRate', 'priorityCoverage', 'repeatOffenders'] as const;
export type RankingPart = (typeof rankingPartKeys)[number];
