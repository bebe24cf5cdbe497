import { pgEnum } from 'drizzle-orm/pg-core';
import {
  clueKinds,
  clueSources,
  clueStatuses,
  holidayDayKinds,
  institutionCategories,
  institutionNatures,
  institutionStatuses,
  listStatuses,
  officerRelationKinds,
  suspectedTypes,
  userRoles,
  vacationKinds,
  vacationStatuses,
  violationKinds,
} from '../../server/domain/vocabulary.js';

// The database enums take their values from the domain's vocabulary, the one definition of each list.
export const institutionCategory = pgEnum('institution_category', institutionCategories);
export const institutionNature = pgEnum('institution_nature', institutionNatures);
export const institutionStatus = pgEnum('institution_status', institutionStatuses);
export const listStatus = pgEnum('list_status', listStatuses);
export const clueSource = pgEnum('clue_source', clueSources);
export const suspectedType = pgEnum('suspected_type', suspectedTypes);
export const clueStatus = pgEnum('clue_status', clueStatuses);
export const clueKind = pgEnum('clue_kind', clueKinds);
export const violationKind = pgEnum('violation_kind', violationKinds);
export const officerRelationKind = pgEnum('officer_relation_kind', officerRelationKinds);
export const userRole = pgEnum('user_role', userRoles);
export const holidayDayKind = pgEnum('holiday_day_kind', holidayDayKinds);
export const vacationKind = pgEnum('vacation_kind', vacationKinds);
export const vacationStatus = pgEnum('vacation_status', vacationStatuses);
