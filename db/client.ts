import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type Assume, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { RenderedStatement } from './queries/queryable.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** What the results of both drivers have in common (pg's QueryResult, PGlite's Results): their rows. */
interface RowsResult<Row> {
  rows: Row[];
}
interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<Assume<this['row'], Record<string, unknown>>>;
}
/** Either engine's drizzle database, typed by what both share, so that `execute` answers `{ rows }`. */
export type Db = PgDatabase<RowsResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs one statement and returns its rows as the driver made them (see parsedRows in db/queries/queryable.ts). */
  rows(query: SQL): Promise<Record<string, unknown>[]>;
  /** PostgreSQL: as `rows`, kept parsed and planned by the server (db/queries/queryable.ts#Queryable.preparedRows). */
  preparedRows?(statement: RenderedStatement): Promise<Record<string, unknown>[]>;
  /**
   * Hears `NOTIFY channel` from every connection to the database, delivered when the notifying transaction commits.
   * PostgreSQL: on a connection of its own, reconnected with backoff after a drop (`onListening` says when it hears
   * again; notifications sent meanwhile are lost, so a listener reads what it missed then). Resolves to the unlisten.
   */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface NotificationListener {
  onNotify(payload: string): void;
  /** Listening now: after the first LISTEN and after each reconnect. */
  onListening?(): void;
  /** The listening connection failed; it is reopened by itself. */
  onError?(error: unknown): void;
}

export interface DbOptions {
  /** postgres://… — a real PostgreSQL + PostGIS. Without it the embedded PGlite + PostGIS is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; omitted = in memory (tests). */
  dataDir?: string;
  /** PGlite: start from this copy of a database's files (a dumpEmbedded() tarball) instead of an empty one. */
  loadDataDir?: Blob;
  onProgress?: (message: string) => void;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function createDb(options: DbOptions = {}): Promise<Database> {
  return options.databaseUrl ? createPostgres(options.databaseUrl, options) : createPglite(options);
}

const embeddedClients = new WeakMap<Database, PGlite>();

async function createPglite({ dataDir, loadDataDir, onProgress }: DbOptions): Promise<Database> {
  onProgress?.('starting embedded PostgreSQL + PostGIS (PGlite)');
  const client = await PGlite.create({ dataDir, loadDataDir, extensions: { postgis } });
  const db = drizzlePglite(client, { schema });
  const listen = async (channel: string, listener: NotificationListener) => {
    const unlisten = await client.listen(channel, (payload) => listener.onNotify(payload));
    listener.onListening?.();
    return () => unlisten();
  };
  const database = wrap(db, 'pglite', listen, () => client.close(), () => migratePglite(db, { migrationsFolder }));
  embeddedClients.set(database, client);
  return database;
}

/** A copy of an embedded database's files (a tarball), which createDb({ loadDataDir }) starts from. */
export async function dumpEmbedded(database: Database): Promise<Blob> {
  const client = embeddedClients.get(database);
  if (!client) throw new Error('dumpEmbedded: not an embedded database opened by createDb');
  await client.query('CHECKPOINT');
  return client.dumpDataDir('none');
}

async function createPostgres(url: string, { onProgress }: DbOptions): Promise<Database> {
  onProgress?.('connecting to PostgreSQL');
  // A stopped or unreachable server fails a request within seconds (503) instead of holding it; the pool opens fresh
  // connections once the server is back, so the app recovers by itself.
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => onProgress?.(`PostgreSQL pool error: ${error.message}`));
  const db = drizzlePg(pool, { schema });
  const listen = async (channel: string, listener: NotificationListener) => listenOnOwnConnection(url, channel, listener);
  const database = wrap(db, 'postgres', listen, () => pool.end(), () => migratePg(db, { migrationsFolder }));
  database.preparedRows = preparedOn(pool);
  return database;
}

/**
 * Named statements: each pooled connection parses and plans a statement the first time it runs it, then binds the
 * values only. The name is taken from the text, so one name never stands for two statements; the texts are as many as
 * the shapes of the queries that use it, not their values.
 */
function preparedOn(pool: pg.Pool): NonNullable<Database['preparedRows']> {
  const names = new Map<string, string>();
  return async ({ sql: text, params }) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `jo_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
      names.set(text, name);
    }
    return (await pool.query({ name, text, values: params })).rows as Record<string, unknown>[];
  };
}

const LISTEN_RETRY_FIRST_MS = 200;
const LISTEN_RETRY_MAX_MS = 15_000;

/**
 * LISTEN holds its connection for as long as it listens, so it gets one outside the pool (the pool's connections go
 * back after each query and would stop hearing). A drop reconnects after 0.2 s, doubling up to 15 s.
 */
function listenOnOwnConnection(url: string, channel: string, listener: NotificationListener): () => Promise<void> {
  let current: pg.Client | null = null;
  let stopped = false;
  let delayMs = LISTEN_RETRY_FIRST_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = (client: pg.Client) => {
    if (stopped || current !== client) return;
    current = null;
    client.end().catch(() => {});
    timer = setTimeout(() => void connect(), delayMs);
    delayMs = Math.min(delayMs * 2, LISTEN_RETRY_MAX_MS);
  };
  const connect = async () => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    current = client;
    client.on('notification', (message) => message.channel === channel && listener.onNotify(message.payload ?? ''));
    client.on('error', (error) => {
      listener.onError?.(error);
      retry(client);
    });
    client.on('end', () => retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (current !== client) return;
      delayMs = LISTEN_RETRY_FIRST_MS;
      listener.onListening?.();
    } catch (error) {
      listener.onError?.(error);
      retry(client);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
}

/** Each engine's migrator takes that engine's own drizzle type, so the migration is bound where that type is known. */
const migrators = new WeakMap<Database, () => Promise<void>>();

function wrap(db: Db, engine: Engine, listen: Database['listen'], close: () => Promise<void>, migrateEngine: () => Promise<void>): Database {
  const database: Database = { db, engine, rows: async (query) => (await db.execute(query)).rows, listen, close };
  migrators.set(database, migrateEngine);
  return database;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
// SQLSTATE 57P01–57P03: the server is shutting down, crashed or still starting; 53300: too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * Whether an error (or one of its causes: drizzle wraps driver errors) says the database cannot be reached, as
 * opposed to a query it refused: the API answers 503 and retries later instead of a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** Applies the committed migrations (the first one creates the PostGIS extension). */
export async function migrate(database: Database): Promise<void> {
  const run = migrators.get(database);
  if (!run) throw new Error('migrate: not a database opened by createDb');
  await run();
}

/** Drops every table of the product (demo rebuild). The audit log goes with them: a rebuild is a new database. */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await database.db.execute(sql`CREATE SCHEMA public`);
  await migrate(database);
}

export { schema };
