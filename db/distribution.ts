// How each table would be laid out on a distributed PostgreSQL (Citus) whose distribution key is the district code:
// the plan docs/scale.md#past-one-machine describes, kept beside the schema so that tests/db/distribution.test.ts can
// hold it against the migrated catalog. A new table, or a new foreign key that a distributed layout could not keep,
// fails that test until it is placed here (and in the docs).

export type Placement =
  /** Sharded by its own NOT NULL `district_code`: the rows of one district live together on one node. */
  | { kind: 'distributed'; why: string }
  /** A child of a distributed table without a district code of its own: it needs one (copied from `parent`) to be sharded beside it. */
  | { kind: 'colocated-child'; parent: string; why: string }
  /** Small and read everywhere: a copy on every node, so that joins with the distributed tables stay local. */
  | { kind: 'reference'; why: string }
  /** Kept on the coordinator alone: write-heavy or one global sequence that every node would otherwise contend for. */
  | { kind: 'coordinator'; why: string }
  /** Large but never read by district: sharded by another key, not colocated with the districts. */
  | { kind: 'distributed-by'; column: string; why: string };

export const DISTRIBUTION_COLUMN = 'district_code';

export const tablePlacements: Readonly<Record<string, Placement>> = {
  institutions: { kind: 'distributed', why: 'the largest register; every map read, draw and list is by district' },
  clues: { kind: 'distributed', why: 'the largest table; the clue desk, the analyses and the walls read by district' },
  grid_cells: { kind: 'distributed', why: 'management cells belong to one district; hotspots are computed per district' },
  streets: { kind: 'distributed', why: 'streets (街镇) belong to one district' },
  officers: { kind: 'distributed', why: 'law-enforcement officers are registered in one district' },
  check_ins: { kind: 'distributed', why: 'field check-ins are made in one district and grow with every campaign day' },
  stop_arrivals: { kind: 'distributed', why: 'arrivals at a stop, one per stop and team, in the stop\'s district' },
  plan_team_shifts: { kind: 'distributed', why: 'a team-shift works one district (joint teams are formed by district)' },

  violations: { kind: 'colocated-child', parent: 'institutions', why: 'an institution\'s violation history, read with it' },
  officer_relations: { kind: 'colocated-child', parent: 'institutions', why: 'recusal relations between an officer and an institution, read at each draw' },
  clue_reports: { kind: 'colocated-child', parent: 'clues', why: 'public reports (举报) become clues; a report is read with its clue' },
  clue_attachments: { kind: 'colocated-child', parent: 'clues', why: 'a clue\'s attached photos' },
  clue_report_photos: { kind: 'colocated-child', parent: 'clue_reports', why: 'a report\'s photos, through its clue' },
  check_in_photos: { kind: 'colocated-child', parent: 'check_ins', why: 'a check-in\'s photos' },

  photos: { kind: 'distributed-by', column: 'sha256', why: 'content-addressed photo metadata, always looked up by its hash' },

  districts: { kind: 'reference', why: 'sixteen rows, joined by nearly every query' },
  departments: { kind: 'reference', why: 'the joint departments (教育, 市场监管, 公安 …): a few dozen rows' },
  users: { kind: 'reference', why: 'hundreds of accounts; city-wide users have no district, and every request checks one' },
  campaigns: { kind: 'reference', why: 'a holiday campaign spans the city; tens a year' },
  campaign_versions: { kind: 'reference', why: 'the approval history of the campaigns, as few as they' },
  campaign_plans: { kind: 'reference', why: 'a plan is one city-wide document per campaign day (its team-shifts are distributed)' },
  campaign_publications: { kind: 'reference', why: 'what was published of a campaign, a row per publication' },
  list_publications: { kind: 'reference', why: 'the city-wide white and black lists (白名单/黑名单) as published' },
  holiday_schedules: { kind: 'reference', why: 'the national calendar: a row a year' },
  holiday_schedule_days: { kind: 'reference', why: 'the national calendar\'s days off and make-up days' },
  school_vacations: { kind: 'reference', why: 'the city\'s school vacations: a few rows a year' },
  ranking_weights: { kind: 'reference', why: 'the review ranking\'s weights, one current set' },
  responsibility_matrices: { kind: 'reference', why: 'the dispatch rules (职责矩阵), a version at a time' },
  road_nodes: { kind: 'reference', why: 'the road graph is read whole by the route solver; per region beyond a city' },
  road_edges: { kind: 'reference', why: 'the road graph is read whole by the route solver; per region beyond a city' },
  spatial_ref_sys: { kind: 'reference', why: 'PostGIS\'s own table of coordinate systems' },

  audit_log: { kind: 'coordinator', why: 'one hash chain orders every write: one writer at a time, whichever node holds it' },
  live_events: { kind: 'coordinator', why: 'the outbox behind LISTEN/NOTIFY, which a coordinator\'s session hears; rows are kept briefly' },
  sessions: { kind: 'coordinator', why: 'written on every sign-in and touched while signed in: a reference table would write every node' },
  gis_tokens: { kind: 'coordinator', why: 'a few tokens for GIS clients, city-wide ones with no district' },
  wall_displays: { kind: 'coordinator', why: 'a few paired wall displays, city-wide ones with no district' },
};

/**
 * Foreign keys a Citus layout could not keep as they are, each `table(column) → table(column)`: between two
 * distributed tables a key must include the distribution column on both sides, and a reference table may not point
 * at a distributed one. What each needs is in docs/scale.md#past-one-machine.
 */
export const foreignKeysToChange: readonly string[] = [
  // Between distributed tables by an id alone: becomes (district_code, id), the referenced key widened to match.
  'grid_cells(street_code) → streets(code)',
  'institutions(grid_cell_id) → grid_cells(id)',
  'clues(grid_cell_id) → grid_cells(id)',
  'clues(institution_id) → institutions(id)',
  'clues(parent_id) → clues(id)',
  'clues(check_in_id) → check_ins(id)',
  'officers(home_street_code) → streets(code)',
  'check_ins(cosigned_by_officer) → officers(id)',
  'check_ins(recorded_by_officer) → officers(id)',
  'stop_arrivals(officer_id) → officers(id)',
  // From a child that gets its parent's district code: becomes (district_code, parent id).
  'violations(institution_id) → institutions(id)',
  'officer_relations(institution_id) → institutions(id)',
  'officer_relations(officer_id) → officers(id)',
  'clue_reports(clue_id) → clues(id)',
  'clue_attachments(clue_id) → clues(id)',
  'clue_report_photos(report_id) → clue_reports(id)',
  'check_in_photos(check_in_id) → check_ins(id)',
  // Between tables sharded by different keys: not allowed; kept by the application (a photo is stored before it is named).
  'check_in_photos(photo_sha256) → photos(sha256)',
  // From a reference table to a distributed one: not allowed; kept by the application (the account's officer is checked at sign-in).
  'users(officer_id) → officers(id)',
];
