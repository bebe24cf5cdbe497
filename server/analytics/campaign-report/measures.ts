import type { DistrictReport, Split } from '../../contract/campaign-report.js';
import { checkItems } from '../../domain/campaign.js';
import { addDays, shanghaiMidnight } from '../../domain/time.js';
import { checkInResults, violationKinds } from '../../domain/vocabulary.js';
import type { DistrictHotCells } from './hot-cells.js';
import type { CampaignReportInput, ReportCheckIn } from './input.js';
import { inspected } from './offenders.js';

// One district's measures of the report (docs/campaigns-report.md defines each), and their sum over districts.

export const emptySplit = (): Split => ({ confirmed: 0, pending: 0 });
const add = (s: Split, c: ReportCheckIn) => (c.cosigned ? s.confirmed++ : s.pending++);
const addSplit = (a: Split, b: Split): Split => ({ confirmed: a.confirmed + b.confirmed, pending: a.pending + b.pending });
const total = (s: Split) => s.confirmed + s.pending;
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const recordOf = <K extends string, V>(keys: readonly K[], value: () => V) => Object.fromEntries(keys.map((k) => [k, value()])) as Record<K, V>;

/** The clues that became cases: only those an inspection of the campaign could have verified (see below). */
interface Conversion {
  verified: number;
  becameCases: number;
}

/**
 * 线索案件转化率 of a district: among the clues linked to an institution of the district's targets whose status shows
 * they were verified (核查: `verified`, or `closed`, which follows it), those the campaign verified — the institution
 * had a confirmed inspection (a result other than 未营业 / 无法进入) at or after the clue's report — and of them those
 * where such an inspection opened a case (立案查处).
 */
function clueConversion(input: CampaignReportInput, institutionIds: ReadonlySet<number>, confirmedInspections: ReadonlyMap<number, ReportCheckIn[]>): Conversion {
  const campaignEnd = shanghaiMidnight(addDays(input.campaign.endsOn, 1));
  let verified = 0;
  let becameCases = 0;
  for (const clue of input.clues) {
    if (!institutionIds.has(clue.institutionId)) continue;
    if (clue.status !== 'verified' && clue.status !== 'closed') continue;
    if (clue.reportedAt >= campaignEnd) continue;
    const later = (confirmedInspections.get(clue.institutionId) ?? []).filter((c) => c.checkedAt >= clue.reportedAt);
    if (later.length === 0) continue;
    verified++;
    if (later.some((c) => c.result === 'case')) becameCases++;
  }
  return { verified, becameCases };
}

export interface DistrictContext {
  districtCode: string;
  input: CampaignReportInput;
  hot: DistrictHotCells | undefined;
  /** Confirmed check-ins per institution id (all districts). */
  confirmed: ReadonlyMap<number, ReportCheckIn[]>;
  repeatOffenders: number;
}

export function districtMeasures({ districtCode, input, hot, confirmed, repeatOffenders }: DistrictContext): DistrictReport {
  const teams = input.plan.teams.filter((t) => t.districtCode === districtCode);
  const targets = input.plan.targets.filter((t) => t.districtCode === districtCode);
  const checkIns = input.checkIns.filter((c) => c.districtCode === districtCode);
  const plannedStops = new Set(teams.flatMap((t) => t.stops.map((s) => `${t.id}|${s.targetKey}`)));

  const done = emptySplit();
  let unplanned = 0;
  const results = recordOf(checkInResults, emptySplit);
  const findings = recordOf(checkItems, emptySplit);
  /** Targets with an inspection: a visit that found the place closed (未营业) or was refused entry covers nothing. */
  const covered = new Set<string>();
  const teamsWorked = new Set<string>();
  for (const c of checkIns) {
    if (plannedStops.has(`${c.teamId}|${c.targetKey}`)) add(done, c);
    else unplanned++;
    add(results[c.result], c);
    for (const item of new Set(c.findings.filter((f) => f.finding === 'issue').map((f) => f.item))) add(findings[item], c);
    if (inspected(c)) covered.add(c.targetKey);
    teamsWorked.add(c.teamId);
  }

  const priority = targets.filter((t) => t.source === 'priority');
  const tierD = priority.filter((t) => t.reasons.includes('tier_d'));
  const coverage = (list: typeof targets) => {
    const n = list.filter((t) => covered.has(t.key)).length;
    return { targets: list.length, covered: n, rate: ratio(n, list.length) };
  };

  const violations = recordOf(violationKinds, () => 0);
  for (const v of input.violationsDuring) if (v.districtCode === districtCode) violations[v.kind]++;

  const institutionIds = new Set(targets.filter((t) => t.kind === 'institution').map((t) => t.refId));
  const confirmedInspections = new Map([...confirmed].filter(([id]) => institutionIds.has(id)).map(([id, list]) => [id, list.filter(inspected)]));
  const conversion = clueConversion(input, institutionIds, confirmedInspections);
  const worked = teams.filter((t) => teamsWorked.has(t.id));
  const plannedCount = teams.reduce((n, t) => n + t.stops.length, 0);
  const none = { at95: 0, at99: 0 };

  return {
    districtCode,
    planned: { stops: plannedCount, teamShifts: teams.filter((t) => t.stops.length > 0).length },
    done,
    unplanned,
    completion: ratio(total(done), plannedCount),
    confirmationShare: ratio(checkIns.filter((c) => c.cosigned).length, checkIns.length),
    priority: coverage(priority),
    tierD: coverage(tierD),
    results,
    findings,
    violations,
    cases: { ...results.case },
    closures: { ...results.banned },
    clueConversion: { ...conversion, rate: ratio(conversion.becameCases, conversion.verified) },
    repeatOffenders,
    officerTrips: worked.reduce((n, t) => n + t.members.length, 0),
    teamShiftsWorked: worked.length,
    hotCells: {
      before: hot?.before ?? none,
      during: hot?.during ?? none,
      after: hot ? hot.after : null,
      cooled: hot?.cooled ?? 0,
      warmed: hot?.warmed ?? 0,
    },
  };
}

/** The measures summed over districts, the rates taken again from the sums. */
export function totalsOf(districts: readonly DistrictReport[]): Omit<DistrictReport, 'districtCode'> {
  const sum = (f: (d: DistrictReport) => number) => districts.reduce((n, d) => n + f(d), 0);
  const sumSplit = (f: (d: DistrictReport) => Split) => districts.reduce((s, d) => addSplit(s, f(d)), emptySplit());
  const hot = (f: (d: DistrictReport) => { at95: number; at99: number }) => ({ at95: sum((d) => f(d).at95), at99: sum((d) => f(d).at99) });
  const planned = { stops: sum((d) => d.planned.stops), teamShifts: sum((d) => d.planned.teamShifts) };
  const done = sumSplit((d) => d.done);
  const unplanned = sum((d) => d.unplanned);
  const checkIns = sumSplit((d) => sumAll(d.results));
  const coverage = (f: (d: DistrictReport) => DistrictReport['priority']) => {
    const targets = sum((d) => f(d).targets);
    const covered = sum((d) => f(d).covered);
    return { targets, covered, rate: ratio(covered, targets) };
  };
  const verified = sum((d) => d.clueConversion.verified);
  const becameCases = sum((d) => d.clueConversion.becameCases);
  const afterKnown = districts.length > 0 && districts.every((d) => d.hotCells.after !== null);
  return {
    planned,
    done,
    unplanned,
    completion: ratio(total(done), planned.stops),
    confirmationShare: ratio(checkIns.confirmed, total(checkIns)),
    priority: coverage((d) => d.priority),
    tierD: coverage((d) => d.tierD),
    results: Object.fromEntries(checkInResults.map((r) => [r, sumSplit((d) => d.results[r])])) as DistrictReport['results'],
    findings: Object.fromEntries(checkItems.map((k) => [k, sumSplit((d) => d.findings[k])])) as DistrictReport['findings'],
    violations: Object.fromEntries(violationKinds.map((k) => [k, sum((d) => d.violations[k])])) as DistrictReport['violations'],
    cases: sumSplit((d) => d.cases),
    closures: sumSplit((d) => d.closures),
    clueConversion: { verified, becameCases, rate: ratio(becameCases, verified) },
    repeatOffenders: sum((d) => d.repeatOffenders),
    officerTrips: sum((d) => d.officerTrips),
    teamShiftsWorked: sum((d) => d.teamShiftsWorked),
    hotCells: {
      before: hot((d) => d.hotCells.before),
      during: hot((d) => d.hotCells.during),
      after: afterKnown ? hot((d) => d.hotCells.after!) : null,
      cooled: sum((d) => d.hotCells.cooled),
      warmed: sum((d) => d.hotCells.warmed),
    },
  };
}

function sumAll(record: Record<string, Split>): Split {
  return Object.values(record).reduce(addSplit, emptySplit());
}
