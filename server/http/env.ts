import type { UserRow } from '../../db/queries/users.js';

/** The hono environment of every router and middleware. */
export interface AppEnv {
  Variables: {
    /** Set by the session middleware on every protected route. */
    user: UserRow;
    requestId: string;
  };
}
