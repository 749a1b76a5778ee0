import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { ENTITLED_STATUSES } from './quota.js';

export interface ShredResult {
  /** Messages left sealed under the destroyed key (unreadable from now on, backups included). */
  messages: number;
  facts: number;
  /** Outbound messages that were still waiting to be sent, now canceled. */
  canceledOutbound: number;
  /** Stripe subscriptions still billing them: Stripe is not told here; the operator cancels these there. */
  billingSubscriptions: string[];
}

/**
 * Crypto-shreds one person in one transaction: their wrapped data key is deleted, so every message body,
 * their number and their facts can never be opened again, in this database or any backup of it. The
 * people row stays (ids elsewhere point to it) as a tombstone: deleted_at set, the number's hash replaced
 * by random bytes (so the same number texting again is a new person) and the sealed number emptied.
 * Facts are deleted outright (nothing else points to them); messages stay, unreadable, for the counts
 * and costs the operator accounts with.
 */
export async function shredPerson(db: Kysely<Database>, personId: string, now: Date): Promise<ShredResult | undefined> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .updateTable('people')
      .set({ deleted_at: now, phone_hash: randomBytes(32), phone_enc: Buffer.alloc(0) })
      .where('id', '=', personId)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!person) return undefined;
    await trx.deleteFrom('data_keys').where('person_id', '=', personId).execute();
    const facts = await trx.deleteFrom('facts').where('person_id', '=', personId).executeTakeFirst();
    const canceled = await trx
      .updateTable('messages')
      .set({ status: 'canceled', updated_at: now })
      .where('person_id', '=', personId)
      .where('direction', '=', 'outbound')
      .where('status', '=', 'queued')
      .executeTakeFirst();
    const { count } = await trx.selectFrom('messages').select((eb) => eb.fn.countAll<string>().as('count')).where('person_id', '=', personId).executeTakeFirstOrThrow();
    const billing = await trx
      .selectFrom('subscriptions')
      .select('stripe_subscription_id')
      .where('person_id', '=', personId)
      .where('status', 'in', [...ENTITLED_STATUSES])
      .execute();
    return {
      messages: Number(count),
      facts: Number(facts.numDeletedRows),
      canceledOutbound: Number(canceled.numUpdatedRows),
      billingSubscriptions: billing.map((s) => s.stripe_subscription_id),
    };
  });
}
