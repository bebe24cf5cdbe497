// The SQLite statements of an OGC GeoPackage 1.3 (OGC 12-128r18) file of one feature table. This is not the product's
// database: the file is built in SQLite compiled to WebAssembly (sql.js, handed in), exported as bytes and sent. No
// spatial index: sql.js is built without the R*Tree module, and GIS tools build one on opening a layer they need indexed.
import type { SqlJsStatic } from 'sql.js';

/** 'GPKG' as the SQLite application_id (Requirement 2). */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** Version 1.3.0 as user_version (Requirement 2). */
export const GPKG_USER_VERSION = 10300;
const WGS84 = 4326;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

export type GeoPackageValue = string | number | Uint8Array | null;

export interface GeoPackageTable {
  /** ASCII; quoted in every statement all the same. */
  name: string;
  description: string;
  geometryType: 'POINT' | 'MULTIPOLYGON';
  columns: readonly { name: string; type: 'TEXT' | 'INTEGER' | 'BOOLEAN' }[];
  envelope: { minX: number; minY: number; maxX: number; maxY: number } | null;
  /** Each row: fid, the geometry as a GeoPackageBinary blob (or null), then one value per column. */
  rows: Iterable<readonly GeoPackageValue[]>;
  changedAt: Date;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function geoPackageFile(SQL: SqlJsStatic, table: GeoPackageTable): Uint8Array {
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${GPKG_USER_VERSION}`);
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    srs.run(['WGS 84 geodetic', WGS84, 'EPSG', WGS84, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
    srs.free();
    db.run(`CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
      last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`);
    db.run(`CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
      z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`);
    const columns = table.columns.map((col) => `${quoted(col.name)} ${col.type}`).join(', ');
    db.run(`CREATE TABLE ${quoted(table.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${table.geometryType}, ${columns})`);
    const e = table.envelope;
    db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      table.name,
      'features',
      table.name,
      table.description,
      table.changedAt.toISOString(),
      e?.minX ?? null,
      e?.minY ?? null,
      e?.maxX ?? null,
      e?.maxY ?? null,
      WGS84,
    ]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table.name, 'geom', table.geometryType, WGS84]);
    const names = ['fid', 'geom', ...table.columns.map((col) => col.name)];
    const insert = db.prepare(`INSERT INTO ${quoted(table.name)} (${names.map(quoted).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    db.run('BEGIN');
    for (const row of table.rows) insert.run([...row]);
    db.run('COMMIT');
    insert.free();
    return db.export();
  } finally {
    db.close();
  }
}
