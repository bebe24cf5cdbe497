import { describe, expect, test } from 'vitest';
import { buildPlanLayers, PLAN_TEAM_COLOURS, planBounds, planRoutes, planStops, SOURCE_COLOURS, teamColours } from '../../../web/layers/campaign-plan-layers.js';
import { darkTheme } from '../../../web/layers/theme.js';
import { campaignPlanFixture } from '../../fixtures/campaign-plan.js';

const plan = campaignPlanFixture();
const byKey = new Map(plan.targets.map((t) => [t.key, t]));
const teams = plan.teams.filter((t) => t.date === '2027-01-26' && t.shiftId === '2027-01-26#2');

describe('plan map layers', () => {
  test('a route per team with stops; an idle team draws none; a team without a road line gets straight legs', () => {
    const routes = planRoutes(teams, byKey);
    expect(teams.filter((t) => t.stops.length === 0)).toHaveLength(2);
    expect(routes).toHaveLength(2);
    const straight = planRoutes([{ ...teams[0], line: [] }], byKey)[0];
    expect(straight.straight).toBe(true);
    expect(straight.path[0]).toEqual(teams[0].base.location);
    expect(straight.path).toHaveLength(teams[0].stops.length + 2);
    expect(planStops(teams, byKey).map((s) => s.sequence)).toEqual([1, 2, 3, 1, 2, 3]);
  });

  test('team colours follow the list order; sources have colours of their own', () => {
    const colours = teamColours(teams);
    expect(colours.get(teams[1].id)).toEqual(PLAN_TEAM_COLOURS[1]);
    expect(new Set(Object.values(SOURCE_COLOURS).map(String)).size).toBe(3);
    // A route never takes a source's colour, so a ring and a line cannot be confused.
    const sources = new Set(Object.values(SOURCE_COLOURS).map(String));
    expect(PLAN_TEAM_COLOURS.filter((c) => sources.has(String(c)))).toEqual([]);
  });

  test('layers in drawing order; the selected team is drawn last and the others fade', () => {
    const selected = teams[0].id;
    const layers = buildPlanLayers({ theme: darkTheme, targets: plan.targets, teams, selectedTeam: selected });
    expect(layers.map((l) => l.id)).toEqual(['plan-targets', 'plan-routes', 'plan-stops', 'plan-stop-numbers', 'plan-bases']);
    const routes = layers[1].props.data as { team: { id: string }; colour: number[] }[];
    expect(routes.at(-1)!.team.id).toBe(selected);
    const getColor = (layers[1].props as unknown as { getColor: (r: unknown) => number[] }).getColor;
    expect(getColor(routes[0])[3]).toBe(70);
    expect(getColor(routes.at(-1))[3]).toBe(255);
    const numbers = layers[3].props.data as { team: { id: string } }[];
    expect(numbers.every((s) => s.team.id === selected)).toBe(true);
  });

  test('bounds cover the targets with a margin, none without anything', () => {
    const [w, s, e, n] = planBounds(plan.targets, [])!;
    for (const t of plan.targets) {
      expect(t.location[0]).toBeGreaterThan(w);
      expect(t.location[0]).toBeLessThan(e);
      expect(t.location[1]).toBeGreaterThan(s);
      expect(t.location[1]).toBeLessThan(n);
    }
    expect(planBounds([], [])).toBeNull();
  });
});
