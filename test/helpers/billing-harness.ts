import { Job, QueueEvents } from 'bullmq';
import { seedPlans } from '../../src/billing/seed.js';
import { startFakeStripe } from './fake-stripe.js';
import { createHarness, type HarnessOptions } from './harness.js';
import { signStripe, stripeEvent } from './stripe-events.js';

export const STRIPE_SECRET_KEY = 'sk_test_switchboard_fake';
export const STRIPE_WEBHOOK_SECRET = 'whsec_test_switchboard_fake';
export const STRIPE_PRICE_PREMIUM = 'price_premium_test';

/**
 * The test harness with billing on: a fake Stripe the real SDK talks to, the Stripe settings pointing at
 * it, and the seed plans. Adds helpers to post signed Stripe events and wait for their jobs.
 */
export async function createBillingHarness(options: HarnessOptions & { seed?: boolean; secretKey?: string } = {}) {
  const secretKey = options.secretKey ?? STRIPE_SECRET_KEY;
  const stripe = await startFakeStripe({ secretKey });
  const h = await createHarness({
    ...options,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET,
      STRIPE_PRICE_PREMIUM,
      STRIPE_API_URL: stripe.url,
      STRIPE_TIMEOUT_MS: '2000',
      ...options.env,
    },
  });
  if (options.seed !== false) await seedPlans(h.deps.db, h.config);
  let events: QueueEvents | undefined;
  const closeHarness = h.close;

  /** Posts a raw body to /stripe/webhook, signed with the endpoint secret at `timestamp` (or with the given header). */
  const postStripe = (payload: string, init: { timestamp?: number; signature?: string | null } = {}) => {
    const signature = init.signature === undefined ? signStripe(payload, STRIPE_WEBHOOK_SECRET, init.timestamp) : init.signature;
    return h.app.request('/stripe/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'stripe-signature': signature }) },
      body: payload,
    });
  };

  return Object.assign(h, {
    stripe,
    postStripe,
    /** Posts a signed event; returns its id and the response. */
    async sendEvent(type: string, object: object, options: Parameters<typeof stripeEvent>[2] = {}) {
      const event = stripeEvent(type, object, options);
      const res = await postStripe(JSON.stringify(event));
      return { id: event.id, res };
    },
    /** Resolves with the `stripe` job's result for this event (its job id is the event id). */
    async waitForStripeJob(eventId: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
      events ??= new QueueEvents('stripe', { connection: { url: h.config.redis.url }, prefix: h.queuePrefix });
      await events.waitUntilReady();
      const job = await Job.fromId(h.deps.queues.stripe, eventId);
      if (!job) throw new Error(`no stripe job for ${eventId}`);
      return job.waitUntilFinished(events, timeoutMs);
    },
    async close() {
      await events?.close();
      await closeHarness();
      await stripe.close();
    },
  });
}

export type BillingHarness = Awaited<ReturnType<typeof createBillingHarness>>;
