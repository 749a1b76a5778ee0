import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

/**
 * Rejects bodies over `maxBytes` with 413 before they are read. With a Content-Length (every provider
 * sends one) the header decides and the body is left untouched, so @hono/node-server keeps its fast
 * path for reading it; Hono's own bodyLimit always touches `req.body`, which builds a full web Request
 * and stream per request (it measured as the largest single cost on the webhook path). Chunked bodies
 * fall back to Hono's counter.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new AppError('payload_too_large', `Request body is larger than ${maxBytes} bytes.`);
  };
  const streaming = streamingBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    if (!/^\d+$/.test(length)) throw new AppError('bad_request', 'Content-Length is not a number.');
    if (Number(length) > maxBytes) tooLarge();
    await next();
  };
}
