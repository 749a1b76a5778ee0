import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Presents an embedded PGlite as a one-connection pg Pool, so the stock PostgresDialect (and every
 * query in this codebase) runs unchanged. PGlite is a single session: connections are handed out one
 * at a time, which keeps transactions from interleaving. kysely-pglite was not used: it reports 0
 * affected rows and does not serialise transactions.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect() {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => (release = resolve));
      await previous;
      const client = {
        async query(text: string, params: ReadonlyArray<unknown>) {
          const result = await pg.query(text, params as unknown[]);
          const command = /^\s*(insert|update|delete|merge)\b/i.exec(text)?.[1]?.toUpperCase() ?? 'SELECT';
          return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
        },
        release: () => release(),
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await pg.close();
    },
  };
}
