import type { Scope } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';

/** The hono environment of every router and middleware. */
export interface AppEnv {
  Variables: {
    /** Set by the session middleware on every protected route. */
    user: UserRow;
    requestId: string;
    /** Set by the OGC API's access check: the district scope of the GIS token or of the session. */
    ogcScope: Scope;
  };
}
