/**
 * Which OSM ways a patrol car can drive, in which direction, and how fast.
 *
 * Default speeds are effective travel speeds on a weekday outside the peaks in a dense Chinese city centre, signal
 * delay included — not legal limits. They are anchored on the design speeds of CJJ 37-2012《城市道路工程设计规范》
 * (快速路 60–100, 主干路 40–60, 次干路 30–50, 支路 20–40 km/h), using the usual mapping of OSM classes in China
 * (trunk ≈ 快速路/高架, primary ≈ 主干路, secondary ≈ 次干路, tertiary/residential ≈ 支路), taken at roughly 60–70 %
 * of the lower design speed to account for signals and crossings. docs/routing.md explains and tabulates them.
 */
export const DEFAULT_SPEED_KMH: Readonly<Record<string, number>> = {
  motorway: 60,
  motorway_link: 40,
  trunk: 50,
  trunk_link: 35,
  primary: 35,
  primary_link: 25,
  secondary: 30,
  secondary_link: 25,
  tertiary: 25,
  tertiary_link: 20,
  unclassified: 20,
  residential: 20,
  living_street: 10,
  service: 15,
};

export const DRIVABLE_HIGHWAYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SPEED_KMH));

/**
 * Share of a posted `maxspeed` actually reached on urban streets with signals. OSRM's car profile uses 0.8 on
 * all roads; cities with a signal every few hundred metres sit lower, and 0.7 keeps tagged roads consistent with
 * the class defaults above (a 50 km/h 主干路 → 35 km/h, the primary default).
 */
export const MAXSPEED_REALISED_SHARE = 0.7;

const MIN_SPEED_KMH = 5;
const KMH_PER_MPH = 1.609344;

/** Tags that close a way to motor vehicles. `private` and `destination` stay open: patrols go to those addresses. */
const CLOSED_ACCESS_VALUES = new Set(['no', 'agricultural', 'forestry', 'delivery', 'emergency']);
const ACCESS_KEYS = ['access', 'vehicle', 'motor_vehicle', 'motorcar'];

export function isDrivable(tags: Record<string, string>): boolean {
  const highway = tags.highway;
  if (highway === undefined || !DRIVABLE_HIGHWAYS.has(highway)) return false;
  if (tags.area === 'yes') return false;
  // The most specific key wins (motorcar=yes reopens an access=no way).
  for (let i = ACCESS_KEYS.length - 1; i >= 0; i--) {
    const value = tags[ACCESS_KEYS[i]];
    if (value !== undefined) return !CLOSED_ACCESS_VALUES.has(value);
  }
  return true;
}

/** Travel direction along the way's node order: both ways, forward only or backward only. */
export type OnewayDirection = 'both' | 'forward' | 'backward';

export function onewayDirection(tags: Record<string, string>): OnewayDirection {
  const oneway = tags.oneway?.trim().toLowerCase();
  if (oneway === 'yes' || oneway === 'true' || oneway === '1') return 'forward';
  if (oneway === '-1' || oneway === 'reverse') return 'backward';
  if (oneway === 'no' || oneway === 'false' || oneway === '0') return 'both';
  // Implied oneways (OSM wiki, Key:oneway): roundabouts, circular junctions and motorways.
  if (tags.junction === 'roundabout' || tags.junction === 'circular' || tags.highway === 'motorway') return 'forward';
  return 'both';
}

/** A maxspeed tag in km/h ("40", "40 km/h", "30 mph", "40;60" → the lowest), or null when it holds no number. */
export function parseMaxspeedKmh(value: string | undefined): number | null {
  if (value === undefined) return null;
  let lowest: number | null = null;
  for (const part of value.split(';')) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(part);
    if (!match) continue;
    const kmh = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? KMH_PER_MPH : 1);
    if (kmh > 0 && (lowest === null || kmh < lowest)) lowest = kmh;
  }
  return lowest;
}

/** The effective speed used for travel times on a way. */
export function effectiveSpeedKmh(tags: Record<string, string>): number {
  const posted = parseMaxspeedKmh(tags.maxspeed);
  const speed = posted !== null ? posted * MAXSPEED_REALISED_SHARE : (DEFAULT_SPEED_KMH[tags.highway] ?? DEFAULT_SPEED_KMH.unclassified);
  return Math.max(MIN_SPEED_KMH, speed);
}
