import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { geometry } from './geometry.js';
import { districts } from './districts.js';
import { gridCells } from './grid-cells.js';
import { institutions } from './institutions.js';
import { departments } from './departments.js';
import { checkIns } from './field.js';
import { clueKind, clueSource, clueStatus, suspectedType } from './enums.js';

/** 线索: a report of a suspected violation, the input of the clue loop and of hotspot analysis. */
export const clues = pgTable(
  'clues',
  {
    id: serial('id').primaryKey(),
    source: clueSource('source').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    geom: geometry('geom', 'Point').notNull(),
    address: text('address').notNull(),
    description: text('description').notNull(),
    suspectedType: suspectedType('suspected_type').notNull(),
    status: clueStatus('status').notNull().default('received'),
    institutionId: integer('institution_id').references(() => institutions.id),
    districtCode: text('district_code').notNull().references(() => districts.code),
    gridCellId: integer('grid_cell_id').references(() => gridCells.id),
    /** 办理时限. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(true),
    /** What the clue asks for; sets its 办理时限 in working days (urgent 0, consultation 5, complaint 15). */
    kind: clueKind('kind').notNull().default('complaint'),
    /** The reporter's phone as given; shown masked to everyone but administrators. */
    callerPhone: text('caller_phone'),
    /** The complaint number of the national platform (投诉编号) an imported clue came with. */
    externalId: text('external_id'),
    /** Photo ids (SHA-256 of stored photos) sent with the report. */
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    leadDepartment: text('lead_department').references(() => departments.code),
    coDepartments: jsonb('co_departments').notNull().default(sql`'[]'::jsonb`),
    /** The matrix rule and version the dispatch followed; null rule = dispatched by hand. */
    matrixRuleId: text('matrix_rule_id'),
    matrixVersion: integer('matrix_version'),
    /** The matrix rule's reason or the reason given for dispatching by hand. */
    dispatchReason: text('dispatch_reason'),
    /** 街镇吹哨、部门报到. */
    whistle: boolean('whistle').notNull().default(false),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    /** Set while the clue waits for the reporter (等待补充): its clock stands still. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** A pending extension request (延期申请). */
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    extensionRequestedAt: timestamp('extension_requested_at', { withTimezone: true }),
    extensionRequestedBy: text('extension_requested_by'),
    /** The clue this one was merged into as a duplicate. */
    parentId: integer('parent_id').references((): AnyPgColumn => clues.id),
    /** Times redone (重办) after the reporter was not satisfied. */
    reopenCount: integer('reopen_count').notNull().default(0),
    handlingResult: text('handling_result'),
    /** What the reporter is told (处理反馈). */
    publicFeedback: text('public_feedback'),
    verificationEvidence: jsonb('verification_evidence'),
    verificationResult: text('verification_result'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closingResult: text('closing_result'),
    /** The co-signed check-in whose finding this clue is (专项检查, 网格巡查 in a campaign): one clue per check-in. */
    checkInId: integer('check_in_id').references(() => checkIns.id),
  },
  (t) => [
    index('clues_geom_gist').using('gist', t.geom),
    index('clues_reported_at_idx').on(t.reportedAt),
    index('clues_district_reported_idx').on(t.districtCode, t.reportedAt),
    index('clues_grid_cell_reported_idx').on(t.gridCellId, t.reportedAt),
    index('clues_institution_idx').on(t.institutionId),
    check('clues_geom_valid', sql`ST_IsValid(${t.geom})`),
    index('clues_parent_idx').on(t.parentId),
    index('clues_open_due_idx').on(t.dueAt).where(sql`${t.status} NOT IN ('closed', 'rejected')`),
    uniqueIndex('clues_check_in_key').on(t.checkInId).where(sql`${t.checkInId} IS NOT NULL`),
    uniqueIndex('clues_source_external_id_key').on(t.source, t.externalId).where(sql`${t.externalId} IS NOT NULL`),
    check('clues_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
    check('clues_reopen_count', sql`${t.reopenCount} >= 0`),
    check('clues_extension_days', sql`${t.extensionDays} IS NULL OR ${t.extensionDays} BETWEEN 1 AND 30`),
    check('clues_co_departments_array', sql`jsonb_typeof(${t.coDepartments}) = 'array'`),
    check('clues_attachments_array', sql`jsonb_typeof(${t.attachments}) = 'array'`),
  ],
);
