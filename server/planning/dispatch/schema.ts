import { z } from 'zod';
import { isIsoDate } from '../../domain/time.js';
import { campaignTypes, checkItems } from '../../domain/campaign.js';

// What leaves a campaign on paper and in files: the dispatch sheet (派单) of one team on one shift, and the public
// notice of a 双随机 draw (一公开). Plain data, built by the campaign from its plan; everything the sheet prints is
// here, so the PDF and the browser view need nothing else. Objects are strict: a misspelt key would print nothing.

/** Why a stop is on the route: a high-priority target (差异化监管), a hot grid cell, or the 双随机 random draw. */
export const stopReasons = ['priority', 'hot_cell', 'random_draw'] as const;
export const stopKinds = ['institution', 'gridCell'] as const;
/**
 * How the objects were sampled, as the registry draw records it (`RegistryDrawResult.method.sampling`): 等概率, or
 * weighted by risk tier (差异化监管: more draws for more complaints and violations).
 */
export const drawMethods = ['uniform', 'weighted'] as const;

/** 《行政处罚法》(2021) 第四十二条: enforcement is carried out by at least two officers holding certificates. */
export const MIN_DISPATCH_MEMBERS = 2;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
/** [longitude, latitude], WGS84 (RFC 7946 order). */
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** 统一社会信用代码 (GB 32100-2015): 18 characters of the 31 allowed; the same pattern as the database's check. */
export const creditCodeSchema = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'must be an 18-character unified social credit code (GB 32100)');

export const dispatchMemberSchema = z.strictObject({
  name: text(40),
  /** The department's name as printed, e.g. 黄浦区教育局. */
  department: text(60),
  /** 执法证号: only certified officers inspect (持证上岗). */
  certificateNo: text(40),
});

export const dispatchStopSchema = z.strictObject({
  kind: z.enum(stopKinds),
  name: text(120),
  address: text(300),
  /** Institutions only; null for one that has none (an unlicensed operator) and for a grid cell. */
  creditCode: creditCodeSchema.nullable(),
  location: lonLat,
  eta: clock,
  departure: clock,
  reason: z.enum(stopReasons),
  /** The 十查 items to check here, in the order printed. */
  checks: z.array(z.enum(checkItems)).min(1, 'name at least one of the 十查 items to check'),
});

export const dispatchSheetSchema = z.strictObject({
  campaign: z.strictObject({ name: text(120), type: z.enum(campaignTypes) }),
  district: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'), name: text(40) }),
  date: isoDate,
  shift: z.strictObject({ start: clock, end: clock }),
  team: z.strictObject({ label: text(40) }),
  members: z
    .array(dispatchMemberSchema)
    .min(MIN_DISPATCH_MEMBERS, `a team needs at least ${MIN_DISPATCH_MEMBERS} certified officers (《行政处罚法》第四十二条)`)
    .max(12),
  /** In route order; the first is visited first. */
  stops: z.array(dispatchStopSchema).min(1, 'a dispatch sheet lists at least one stop').max(60),
  route: z.strictObject({
    /** Where the team leaves from and comes back to. */
    base: z.strictObject({ name: text(80), location: lonLat }).nullable(),
    /** The driven path, base → stops → base; empty when only straight legs are known (drawn dashed). */
    line: z.array(lonLat).max(20_000),
  }),
  /** 执法依据, one citation a line. */
  legalBasis: z.array(text(300)).min(1, 'cite at least one legal basis (执法依据)').max(20),
  signature: z.strictObject({
    /** Printed under the leader's signature line; one of the members. */
    teamLeader: text(40),
    /** The other members who sign, by name. */
    members: z.array(text(40)).max(12),
    /** Filled in on the day when null. */
    date: isoDate.nullable(),
  }),
});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in lower-case hex (64 characters)');

export const drawObjectSchema = z.strictObject({
  name: text(120),
  creditCode: creditCodeSchema.nullable(),
  address: text(300).nullable(),
});

export const drawNoticeSchema = z.strictObject({
  /** 抽查任务名称. */
  taskName: text(120),
  /** Who publishes the notice, e.g. 黄浦区教育局. */
  publisher: text(80),
  district: z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'), name: text(40) }).nullable(),
  drawnOn: isoDate,
  method: z.enum(drawMethods),
  /** Share of the pool drawn, 0 < ratio ≤ 1 (5% = 0.05). */
  ratio: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1 (a share, 5% = 0.05)'),
  /** Size of the 检查对象名录库 the objects were drawn from. */
  poolSize: z.number().int().positive(),
  /** The draw's seed, a text (server/planning/draw-seed.ts): the same seed and pool give the same draw. */
  seed: z.string(),
  /** SHA-256 of the seed, published before the draw (seedCommitment), so the seed cannot have been chosen after it. */
  seedCommitment: sha256Hex,
  /** SHA-256 of the pool as drawn (poolHash), so anyone holding the register can check it was the one used. */
  poolHash: sha256Hex,
  objects: z.array(drawObjectSchema).min(1, 'a notice lists at least one drawn object').max(5000),
});

export type DispatchMember = z.infer<typeof dispatchMemberSchema>;
export type DispatchStop = z.infer<typeof dispatchStopSchema>;
export type DispatchSheet = z.infer<typeof dispatchSheetSchema>;
export type DispatchRoute = DispatchSheet['route'];
export type StopReason = (typeof stopReasons)[number];
export type DrawObject = z.infer<typeof drawObjectSchema>;
export type DrawNotice = z.infer<typeof drawNoticeSchema>;
export type DrawMethod = (typeof drawMethods)[number];
