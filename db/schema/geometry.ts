import { customType } from 'drizzle-orm/pg-core';

export type GeometryKind = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';

/**
 * A PostGIS geometry column with its type and SRID 4326 fixed by the typmod, so PostgreSQL itself
 * rejects the wrong type or SRID. Values are passed as EWKT/GeoJSON through SQL functions in
 * db/queries; the driver value is the raw hex EWKB, which the product never parses.
 */
export const geometry = (name: string, kind: GeometryKind) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${kind},4326)`,
  })(name);
