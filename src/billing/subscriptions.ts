import type Stripe from 'stripe';
import { findPersonIdByCustomer, linkCustomer, personExists } from '../db/queries/billing.js';
import { findPlanIdByPrice, hasEntitledSubscription, storeSubscriptionState } from '../db/queries/subscriptions.js';
import type { Deps } from '../deps.js';
import { isStripeNotFound } from './stripe-client.js';
import { sendNotice } from './notices.js';
import { texts } from './texts.js';

export type SyncOutcome =
  | { kind: 'synced'; personId: string; status: string; planId: string | null }
  | { kind: 'unmatched'; note: string };

const ACTIVE = new Set(['active', 'trialing']);
const ENDED = new Set(['canceled', 'unpaid', 'incomplete_expired']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Brings our copy of a subscription up to date by reading it from Stripe, rather than trusting the
 * event that mentioned it: events arrive late, twice and out of order, the subscription itself is
 * always current. The stored row never goes back to an older read (see storeSubscriptionState).
 * Then the person is texted once when it becomes active and once when it ends.
 */
export async function syncSubscription(deps: Deps & { stripe: Stripe }, subscriptionId: string, hint: { personId?: string } = {}): Promise<SyncOutcome> {
  const syncedAt = deps.clock.now();
  let sub: Stripe.Subscription;
  try {
    sub = await deps.stripe.subscriptions.retrieve(subscriptionId);
  } catch (error) {
    if (isStripeNotFound(error)) return { kind: 'unmatched', note: `subscription ${subscriptionId} does not exist in this Stripe account` };
    throw error;
  }
  const customerId = typeof sub.customer === 'string' ? sub.customer : sub.customer.id;
  const personId = await findPerson(deps, [sub.metadata?.person_id, hint.personId], customerId);
  if (!personId) return { kind: 'unmatched', note: `no person for customer ${customerId} (subscription ${sub.id})` };
  await linkCustomer(deps.db, personId, customerId);

  const item = sub.items.data[0];
  const priceId = item?.price.id;
  const planId = priceId ? await planForPrice(deps, priceId) : undefined;
  if (!planId) deps.log.warn({ subscriptionId: sub.id, priceId }, 'subscription price matches no plan: it grants nothing (set plans.stripe_price_id)');

  const stored = await storeSubscriptionState(deps.db, {
    stripe_subscription_id: sub.id,
    person_id: personId,
    stripe_customer_id: customerId,
    plan_id: planId ?? null,
    status: sub.status,
    cancel_at_period_end: sub.cancel_at_period_end,
    current_period_start: item ? new Date(item.current_period_start * 1000) : null,
    current_period_end: item ? new Date(item.current_period_end * 1000) : null,
    livemode: sub.livemode,
    synced_at: syncedAt,
  });

  if (ACTIVE.has(stored.status)) {
    await sendNotice(deps, { personId, key: `subscription-active:${sub.id}`, text: texts.subscriptionActive() });
  } else if (ENDED.has(stored.status) && (await wasAnnouncedActive(deps, sub.id)) && !(await hasEntitledSubscription(deps.db, personId))) {
    await sendNotice(deps, { personId, key: `subscription-ended:${sub.id}`, text: texts.subscriptionEnded() });
  }
  return { kind: 'synced', personId, status: stored.status, planId: stored.plan_id };
}

/** The first candidate that is one of our people (metadata we set, a checkout's reference), else the customer's person. */
export async function findPerson(deps: Pick<Deps, 'db'>, candidates: (string | undefined)[], customerId?: string): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (candidate && UUID.test(candidate) && (await personExists(deps.db, candidate))) return candidate;
  }
  return customerId ? findPersonIdByCustomer(deps.db, customerId) : undefined;
}

async function planForPrice(deps: Deps, priceId: string): Promise<string | undefined> {
  const byTable = await findPlanIdByPrice(deps.db, priceId);
  if (byTable) return byTable;
  // STRIPE_PRICE_PREMIUM is the price Checkout sells; it means Premium even before the seed recorded it.
  if (priceId === deps.config.billing.stripe?.pricePremium) {
    const premium = await deps.db.selectFrom('plans').select('id').where('id', '=', 'premium').executeTakeFirst();
    return premium?.id;
  }
  return undefined;
}

/** "Ended" is only news to someone who was told it started (an abandoned, never-paid checkout ends silently). */
async function wasAnnouncedActive(deps: Pick<Deps, 'db'>, subscriptionId: string): Promise<boolean> {
  const row = await deps.db.selectFrom('billing_notices').select('key').where('key', '=', `subscription-active:${subscriptionId}`).executeTakeFirst();
  return row !== undefined;
}
