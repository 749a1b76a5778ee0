import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { AppEnv } from './env.js';

// A readiness probe that hangs is worse than one that fails: the load balancer needs an answer.
const CHECK_TIMEOUT_MS = 1_000;

async function check(probe: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)))]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** /health: the process is up. /ready: it can do its work (Postgres and Redis answer). */
export function healthRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      const [postgres, redis] = await Promise.all([check(() => sql`select 1`.execute(deps.db)), check(() => deps.redis.ping())]);
      const checks = { postgres, redis };
      if (postgres === 'ok' && redis === 'ok') return c.json({ status: 'ready', checks });
      const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k).join(' and ');
      return c.json({ error: { code: 'unavailable', message: `Not ready: ${down} unreachable.`, requestId: c.get('requestId') }, checks }, 503);
    });
}
