import type { Deps } from '../deps.js';
import { requeueIfLost } from '../queue/requeue.js';
import { enqueueStripeEvent, findWaitingStripeEvents } from './stripe-webhook.js';

// Bounded like the message sweep: the next run takes the rest.
const SWEEP_BATCH = 500;

/**
 * Postgres is the source of truth for Stripe events too: an event still `received` after the grace
 * period lost its job (Redis flushed) or its job ran out of retries while Stripe was unreachable. Give it
 * a fresh job; processStripeEvent's attempt cap ends the cycle for an event that can never succeed.
 */
export async function sweepStripeEvents(deps: Deps): Promise<{ requeued: number; checked: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.worker.sweepGraceMs);
  const waiting = await findWaitingStripeEvents(deps, cutoff, SWEEP_BATCH);
  let requeued = 0;
  for (const eventId of waiting) {
    if (await requeueIfLost(deps.queues.stripe, eventId, () => enqueueStripeEvent(deps, eventId))) requeued++;
  }
  if (requeued > 0) deps.log.info({ requeued, checked: waiting.length }, 'stripe sweep re-enqueued events whose job was lost');
  return { requeued, checked: waiting.length };
}
