import type { Kysely } from 'kysely';
import { insertMessagesSkippingDuplicates } from '../db/queries/messages.js';
import type { Database, NewMessage } from '../db/schema.js';
import { createBatcher, type Batcher } from '../util/batcher.js';

/**
 * Writes inbound messages for the webhook path. Concurrent webhooks share one INSERT (and one commit),
 * which is most of the webhook's cost. Resolves true when the row was stored, false when it was a
 * duplicate (a provider retry or a double post of the same provider message id).
 */
export type Inbox = Batcher<NewMessage, boolean>;

// Rows are ~300 bytes; 500 per INSERT stays far below Postgres' 65,535 bind-parameter limit (~16 per row).
const MAX_BATCH = 500;

export function createInbox(db: Kysely<Database>, maxInFlight: number): Inbox {
  return createBatcher<NewMessage, boolean>({
    maxBatch: MAX_BATCH,
    maxInFlight,
    run: async (rows) => {
      const inserted = await insertMessagesSkippingDuplicates(db, rows);
      return rows.map((row) => inserted.has(row.id));
    },
  });
}
