import type { Kysely } from 'kysely';
import { insertInboundMessages, type InboundRow } from '../db/queries/messages.js';
import type { Database } from '../db/schema.js';
import { createBatcher, type Batcher } from '../util/batcher.js';

/**
 * Writes inbound messages for the webhook path. Concurrent webhooks share one INSERT (and one commit),
 * which is most of the webhook's cost. Resolves true when the row was stored, false when it was a
 * duplicate (a provider retry or a double post of the same provider message id).
 */
export type Inbox = Batcher<InboundRow, boolean>;

// Past a few hundred rows a bigger INSERT stops being cheaper per row and only delays the first ack.
const MAX_BATCH = 500;

export function createInbox(db: Kysely<Database>, maxInFlight: number): Inbox {
  return createBatcher<InboundRow, boolean>({
    maxBatch: MAX_BATCH,
    maxInFlight,
    run: async (rows) => {
      const inserted = await insertInboundMessages(db, rows);
      return rows.map((row) => inserted.has(row.id));
    },
  });
}
