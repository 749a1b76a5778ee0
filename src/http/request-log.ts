import type { MiddlewareHandler } from 'hono';
import type { Log } from '../log.js';
import type { AppEnv } from './env.js';

/** One JSON line per request: id, route, status, duration and the ids handlers add. Never a body or a number. */
export function requestLog(log: Log): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('logFields', {});
    await next();
    log.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        ...c.get('logFields'),
      },
      'request',
    );
  };
}
