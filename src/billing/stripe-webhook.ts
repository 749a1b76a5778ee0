import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { verifyStripeSignature } from './webhook-signature.js';

/** The events the `stripe` worker acts on; any other type is acknowledged, stored as ignored, and left. */
export const HANDLED_EVENT_TYPES = new Set([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
]);

const StripeEvent = z.object({
  id: z.string().regex(/^evt_[A-Za-z0-9_]{1,200}$/),
  type: z.string().min(1).max(200),
  livemode: z.boolean(),
  created: z.number().int().positive(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
type StripeEvent = z.infer<typeof StripeEvent>;

/** What is kept of an event: the ids the worker needs, nothing a person wrote or is called. */
export interface StoredEventData {
  object?: string;
  objectId?: string;
  customer?: string;
  subscription?: string;
  /** Our person id, as we put it in the metadata (or client_reference_id) of what we created. */
  personId?: string;
}

export interface ReceivedEvent {
  eventId: string;
  type: string;
  outcome: 'queued' | 'duplicate' | 'ignored';
}

/**
 * POST /stripe/webhook's work: verify the signature on the raw body, store the event once (its id is
 * the key: a redelivery is a no-op), and queue it for the `stripe` worker. One insert and one queue add;
 * everything that calls Stripe back happens in the worker.
 */
export async function receiveStripeEvent(deps: Deps, rawBody: string, signature: string | undefined): Promise<ReceivedEvent> {
  const stripe = deps.config.billing.stripe;
  if (!stripe) throw new AppError('not_found', 'Stripe is not configured on this service.');
  const check = verifyStripeSignature(rawBody, signature, stripe.webhookSecret, deps.clock.now());
  if (!check.ok) throw new AppError('bad_request', `Stripe-Signature check failed: ${check.reason.replace('_', ' ')}.`);

  let event: StripeEvent;
  try {
    event = StripeEvent.parse(JSON.parse(rawBody));
  } catch {
    throw new AppError('bad_request', 'The body is not a Stripe event.');
  }

  const ignored = !HANDLED_EVENT_TYPES.has(event.type)
    ? 'not a type Switchboard acts on'
    : event.livemode !== stripe.live
      ? `${event.livemode ? 'live' : 'test'}-mode event on a ${stripe.live ? 'live' : 'test'} key`
      : undefined;
  const inserted = await deps.db
    .insertInto('stripe_events')
    .values({
      id: event.id,
      type: event.type,
      livemode: event.livemode,
      stripe_created_at: new Date(event.created * 1000),
      data: JSON.stringify(storedData(event)),
      status: ignored ? 'ignored' : 'received',
      note: ignored ?? null,
      received_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('status')
    .executeTakeFirst();

  if (inserted) {
    if (ignored) return { eventId: event.id, type: event.type, outcome: 'ignored' };
    await enqueueOrUnavailable(deps, event.id);
    return { eventId: event.id, type: event.type, outcome: 'queued' };
  }
  // A redelivery. If the first delivery's job was lost (its add failed), this one queues it again.
  const existing = await deps.db.selectFrom('stripe_events').select('status').where('id', '=', event.id).executeTakeFirst();
  if (existing?.status === 'received') await enqueueOrUnavailable(deps, event.id);
  return { eventId: event.id, type: event.type, outcome: 'duplicate' };
}

/** The job id is the event id: adding the same event twice while its job is kept is a no-op. */
export async function enqueueStripeEvent(deps: Pick<Deps, 'queues'>, eventId: string): Promise<void> {
  await deps.queues.stripe.add('event', { eventId }, { jobId: eventId });
}

async function enqueueOrUnavailable(deps: Deps, eventId: string): Promise<void> {
  try {
    await enqueueStripeEvent(deps, eventId);
  } catch (error) {
    // The event is stored; a 503 makes Stripe deliver it again later, and that delivery queues it.
    deps.log.warn({ eventId, err: (error as Error).message }, 'stripe event enqueue failed');
    throw new AppError('unavailable', 'The event is stored but could not be queued; deliver it again later.');
  }
}

const idOf = (value: unknown): string | undefined => {
  const id = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,255}$/.test(id) ? id : undefined;
};
const metadataPersonId = (object: Record<string, unknown>) => idOf((object.metadata as Record<string, unknown> | undefined)?.person_id);

function storedData(event: StripeEvent): StoredEventData {
  const o = event.data.object;
  const base = { object: typeof o.object === 'string' ? o.object : undefined, objectId: idOf(o.id), customer: idOf(o.customer) };
  if (event.type.startsWith('checkout.session.')) {
    return { ...base, subscription: idOf(o.subscription), personId: metadataPersonId(o) ?? idOf(o.client_reference_id) };
  }
  if (event.type.startsWith('customer.subscription.')) return { ...base, subscription: idOf(o.id), personId: metadataPersonId(o) };
  if (event.type.startsWith('invoice.')) {
    // Since API 2025-03-31 an invoice names its subscription under parent.subscription_details.
    const parent = o.parent as { subscription_details?: { subscription?: unknown } } | null | undefined;
    return { ...base, subscription: idOf(parent?.subscription_details?.subscription) ?? idOf(o.subscription) };
  }
  return base;
}

/** For the sweep: events still waiting on a job after `olderThan`. */
export async function findWaitingStripeEvents(deps: Pick<Deps, 'db'>, olderThan: Date, limit: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('stripe_events')
    .select('id')
    .where('status', '=', 'received')
    .where('received_at', '<', olderThan)
    .orderBy(sql`received_at`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
