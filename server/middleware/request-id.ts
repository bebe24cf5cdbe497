import { requestId } from 'hono/request-id';

/** Every response carries X-Request-Id (the client's, when it sent a sane one), also written beside logged errors. */
export const withRequestId = () => requestId({ headerName: 'X-Request-Id', limitLength: 64 });
