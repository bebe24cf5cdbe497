import { Route } from './route.js';
import type { Solution } from './solution.js';

const MAX_PASSES = 20;

/**
 * Intra-route descent with Or-opt (move 1–3 consecutive tasks) and 2-opt (reverse a stretch),
 * each candidate checked by re-timing the whole route, so every constraint holds by construction.
 * Cheap next to the search and run on the final solution.
 */
export function polishRoutes(sol: Solution, now: () => number = () => 0, deadline = Infinity): void {
  for (const route of sol.routes) {
    if (route.jobCount < 3) continue;
    const scratch = new Route(sol.inst, route.vehicle);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      if (now() >= deadline || !improveOnce(route, scratch)) break;
    }
  }
}

function improveOnce(route: Route, scratch: Route): boolean {
  const tasks = route.tasks;
  const n = tasks.length;
  const baseCost = route.cost;
  const tryTasks = (candidate: number[]): boolean => {
    scratch.tasks = candidate;
    scratch.update();
    if (scratch.feasible && scratch.cost < baseCost - 1e-9) {
      route.tasks = candidate;
      route.update();
      return true;
    }
    return false;
  };
  for (let len = 1; len <= 3; len++) {
    for (let i = 0; i + len <= n; i++) {
      const seg = tasks.slice(i, i + len);
      const rest = [...tasks.slice(0, i), ...tasks.slice(i + len)];
      for (let k = 0; k <= rest.length; k++) {
        if (k === i) continue;
        if (tryTasks([...rest.slice(0, k), ...seg, ...rest.slice(k)])) return true;
        if (len > 1 && tryTasks([...rest.slice(0, k), ...seg.slice().reverse(), ...rest.slice(k)])) return true;
      }
    }
  }
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const candidate = [...tasks.slice(0, i), ...tasks.slice(i, j + 1).reverse(), ...tasks.slice(j + 1)];
      if (tryTasks(candidate)) return true;
    }
  }
  return false;
}
