import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors.js';
import type { Log } from '../log.js';
import { EMPTY_RESPONSE, messagingResponse } from '../../twiml/messaging.js';
import type { AppEnv } from './env.js';

const PROVIDER_PREFIXES = ['/twilio/', '/telnyx/'];
const isProviderWebhook = (path: string) => PROVIDER_PREFIXES.some((prefix) => path.startsWith(prefix));

/** The default answer when an SMS webhook fails after all: the person is told to try again, never left guessing. */
export const SMS_FAILURE_TWIML = messagingResponse(["Sorry, we couldn't process your message. Please try again in a few minutes."]);

const fromHttpException = (status: number): ErrorCode =>
  (Object.entries(ERROR_STATUS).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ?? 'bad_request';

export function xml(c: Context, body: string, status: 200 | 400 | 403 | 404 | 413 | 415 = 200, headers: Record<string, string> = {}) {
  return c.body(body, status, { 'Content-Type': 'text/xml; charset=utf-8', ...headers });
}

/**
 * One place maps errors to responses. Known errors: their status and code. Unknown errors: logged with
 * the request id, answered opaquely. Provider webhooks always get valid TwiML (a 5xx would make the
 * caller hear the provider's generic error message).
 */
export function errorHandler(log: Log): ErrorHandler<AppEnv> {
  return (err, c) => {
    const requestId = c.get('requestId');
    const known = err instanceof AppError ? err : err instanceof HTTPException && err.status < 500 ? new AppError(fromHttpException(err.status), err.message) : undefined;

    if (!known) {
      log.error({ requestId, path: c.req.path, err: { name: err.name, stack: err.stack } }, 'unhandled error');
      c.set('logFields', { ...c.get('logFields'), error: 'internal' });
      if (isProviderWebhook(c.req.path)) return xml(c, c.get('failureTwiml') ?? SMS_FAILURE_TWIML, 200, { 'X-Error-Code': 'internal' });
      return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.', requestId } }, 500);
    }

    c.set('logFields', { ...c.get('logFields'), error: known.code });
    if (isProviderWebhook(c.req.path)) {
      return c.body(EMPTY_RESPONSE, known.status, { 'Content-Type': 'text/xml; charset=utf-8', 'X-Error-Code': known.code });
    }
    return c.json({ error: { code: known.code, message: known.message, requestId } }, known.status);
  };
}
