import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SubscriptionsTable } from '../schema.js';
import { ENTITLED_STATUSES } from './quota.js';

/** Stripe never brings a subscription back from these: once stored, nothing overwrites them. */
export const TERMINAL_STATUSES = ['canceled', 'incomplete_expired'] as const;

/** A subscription as read from Stripe (`synced_at`: when it was read). */
export type SubscriptionState = Omit<Selectable<SubscriptionsTable>, 'created_at' | 'updated_at'>;

/**
 * Stores a subscription state read from Stripe unless what is stored is newer (read later) or final
 * (canceled): events arrive out of order and workers run in parallel, and a late write of an old read
 * must never bring back an older state. Returns the row as stored afterwards (whichever won).
 */
export async function storeSubscriptionState(db: Kysely<Database>, state: SubscriptionState): Promise<Selectable<SubscriptionsTable>> {
  await db
    .insertInto('subscriptions')
    .values({ ...state, updated_at: state.synced_at })
    .onConflict((oc) =>
      oc
        .column('stripe_subscription_id')
        .doUpdateSet((eb) => ({
          plan_id: eb.ref('excluded.plan_id'),
          status: eb.ref('excluded.status'),
          cancel_at_period_end: eb.ref('excluded.cancel_at_period_end'),
          current_period_start: eb.ref('excluded.current_period_start'),
          current_period_end: eb.ref('excluded.current_period_end'),
          synced_at: eb.ref('excluded.synced_at'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('subscriptions.synced_at', '<=', sql<Date>`excluded.synced_at`)
        .where('subscriptions.status', 'not in', [...TERMINAL_STATUSES]),
    )
    .execute();
  return db.selectFrom('subscriptions').selectAll().where('stripe_subscription_id', '=', state.stripe_subscription_id).executeTakeFirstOrThrow();
}

/** Whether the person has any subscription that grants its plan right now. */
export async function hasEntitledSubscription(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('subscriptions')
    .select('stripe_subscription_id')
    .where('person_id', '=', personId)
    .where('status', 'in', [...ENTITLED_STATUSES])
    .executeTakeFirst();
  return row !== undefined;
}

/** The plan a Stripe price puts a subscriber on (plans.stripe_price_id), if any. */
export async function findPlanIdByPrice(db: Kysely<Database>, priceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('plans').select('id').where('stripe_price_id', '=', priceId).executeTakeFirst();
  return row?.id;
}
