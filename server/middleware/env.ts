import type { Database } from '../../db/client.js';
import type { UserRow } from '../../db/queries/users.js';
import type { SessionCache } from '../auth/session-cache.js';

/** What every router is built with. */
export interface Deps {
  database: Database;
  now: () => Date;
  /** Shared by the session check and logout. */
  sessions: SessionCache;
}

export interface AppEnv {
  Variables: {
    /** Set by the session middleware on every protected route. */
    user: UserRow;
    requestId: string;
  };
}
