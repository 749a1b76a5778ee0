import { processStripeEvent } from '../src/billing/stripe-events.js';
import { sweepStripeEvents } from '../src/billing/stripe-sweep.js';
import type { Deps } from '../src/deps.js';
import { StripeJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

const SWEEP_SCHEDULER_ID = 'sweep-stripe-events';

/** `stripe`: one stored Stripe event per job (payload: its id), plus a periodic sweep for lost jobs. */
export async function startStripeWorker(deps: Deps, tuning?: WorkerTuning) {
  await deps.queues.stripe.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: deps.config.worker.sweepIntervalMs }, { name: 'sweep', data: {} });
  return startQueueWorker(deps, 'stripe', StripeJob, async (data) => {
    if (!('eventId' in data)) return { task: 'sweep', ...(await sweepStripeEvents(deps)) };
    const outcome = await processStripeEvent(deps, data.eventId);
    return { eventId: data.eventId, outcome: outcome.status, ...('personId' in outcome && outcome.personId ? { personId: outcome.personId } : {}) };
  }, tuning);
}
