import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { pglitePool } from './pglite-pool.js';

// bigint columns come back as strings from pg; keep them strings everywhere (PGlite is told the same)
// so code never silently loses precision. timestamptz stays a Date on both.
export interface DbOptions {
  url?: string;
  pgliteDir: string;
  poolMax: number;
}

/** DATABASE_URL set → a pg Pool; unset → embedded PGlite under PGLITE_DIR (same migrations, same queries). */
export async function createDb(options: DbOptions): Promise<Kysely<Database>> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax,
      // Keep connections through quiet spells: pg closes idle ones after 10 s by default, and the next
      // burst of webhooks then pays for new backends (measured: a p99 of 25-100 ms in the first second
      // after a pause). Half the pool (the webhook inserts' share) never closes; the rest after 5 minutes.
      min: Math.ceil(options.poolMax / 2),
      idleTimeoutMillis: 5 * 60_000,
      // Every external call has a timeout: a Postgres that stops answering fails requests instead of hanging them.
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { PGlite, types } = await import('@electric-sql/pglite');
  if (options.pgliteDir !== 'memory://') mkdirSync(options.pgliteDir, { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir, { parsers: { [types.INT8]: (v: string) => v } });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
}
