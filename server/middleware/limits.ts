import { bodyLimit } from 'hono/body-limit';
import { ServiceError } from '../services/errors.js';

export const maxBodyBytes = 1024 * 1024;

/** Refuses request bodies over `maxBytes` with 413 before anything reads them. */
export const limitBody = (maxBytes = maxBodyBytes) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ServiceError('payload_too_large', `request body is larger than ${maxBytes} bytes`, { maxBytes });
    },
  });
