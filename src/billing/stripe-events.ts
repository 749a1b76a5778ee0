import { sql } from 'kysely';
import { linkCustomer } from '../db/queries/billing.js';
import type { StripeEventStatus } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { PermanentError } from '../errors.js';
import { sendNotice } from './notices.js';
import type { StoredEventData } from './stripe-webhook.js';
import { findPerson, syncSubscription, type SyncOutcome } from './subscriptions.js';
import { texts } from './texts.js';

// Each try re-reads Stripe; past this many (over several job lifetimes, see the sweep) the event is
// marked failed for the operator instead of being retried forever.
export const MAX_EVENT_ATTEMPTS = 24;

type Result = { status: Extract<StripeEventStatus, 'processed' | 'unmatched' | 'failed'>; note?: string; personId?: string };
export type EventOutcome = Result | { status: 'already_done' };

/**
 * The `stripe` job: act on one stored event. Every effect is idempotent (subscription state is re-read
 * and stored forward-only, texts are keyed), so a duplicate or a re-run changes nothing. An event that
 * matches no person is recorded as `unmatched` with a note and not retried.
 */
export async function processStripeEvent(deps: Deps, eventId: string): Promise<EventOutcome> {
  const event = await deps.db
    .updateTable('stripe_events')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', eventId)
    .where('status', '=', 'received')
    .returning(['type', 'data', 'attempts'])
    .executeTakeFirst();
  if (!event) return { status: 'already_done' };
  if (event.attempts > MAX_EVENT_ATTEMPTS) return finish(deps, eventId, { status: 'failed', note: `gave up after ${MAX_EVENT_ATTEMPTS} attempts` });
  if (!deps.stripe) throw new PermanentError('Stripe is not configured');

  const data = event.data as StoredEventData;
  const stripeDeps = { ...deps, stripe: deps.stripe };
  let result: Result;
  switch (event.type) {
    case 'checkout.session.completed': {
      const personId = await findPerson(deps, [data.personId], data.customer);
      if (!personId) {
        result = { status: 'unmatched', note: `checkout ${data.objectId} names no known person` };
        break;
      }
      if (data.customer) await linkCustomer(deps.db, personId, data.customer);
      result = data.subscription ? fromSync(await syncSubscription(stripeDeps, data.subscription, { personId })) : { status: 'processed', personId };
      break;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'invoice.paid':
      result = data.subscription ? fromSync(await syncSubscription(stripeDeps, data.subscription, { personId: data.personId })) : { status: 'processed', note: 'no subscription' };
      break;
    case 'invoice.payment_failed': {
      if (!data.subscription) {
        result = { status: 'processed', note: 'no subscription' };
        break;
      }
      result = fromSync(await syncSubscription(stripeDeps, data.subscription));
      // Stripe retries a failed invoice several times, each with this event: one text per invoice.
      if (result.personId) await sendNotice(deps, { personId: result.personId, key: `payment-failed:${data.objectId}`, text: texts.paymentFailed() });
      break;
    }
    default:
      result = { status: 'processed', note: 'not a type Switchboard acts on' };
  }
  if (result.status === 'unmatched') deps.log.warn({ eventId, type: event.type, note: result.note }, 'stripe event matches no person; recorded for the operator');
  return finish(deps, eventId, result);
}

const fromSync = (sync: SyncOutcome): Result =>
  sync.kind === 'synced' ? { status: 'processed', personId: sync.personId } : { status: 'unmatched', note: sync.note };

async function finish(deps: Deps, eventId: string, result: Result): Promise<Result> {
  await deps.db
    .updateTable('stripe_events')
    .set({ status: result.status, note: result.note ?? null, processed_at: deps.clock.now() })
    .where('id', '=', eventId)
    .where('status', '=', 'received')
    .execute();
  return result;
}
