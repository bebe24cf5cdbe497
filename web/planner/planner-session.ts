import { serialisePlanner, type PersistedPlanner } from '../state/planner-storage.js';

// The planner's entry in the tab's session storage: it survives a reload and ends with the tab, so that a plan (with
// officers' names) does not stay on a shared machine. Storage can be refused (private modes, a full quota): the
// planner then works as before, without restoring.

export function readStoredPlanner(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores the form and the plan; when the plan does not fit, the form alone. */
export function storePlanner(key: string, state: PersistedPlanner): void {
  try {
    window.sessionStorage.setItem(key, serialisePlanner(state));
  } catch {
    try {
      window.sessionStorage.setItem(key, serialisePlanner(state, { withPlan: false }));
    } catch {
      // No storage at all: nothing to keep.
    }
  }
}
