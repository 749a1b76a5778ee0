import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { receiveStripeEvent } from '../billing/stripe-webhook.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

// Stripe events are JSON objects of a few KB; an invoice with many lines can reach a few hundred KB.
export const STRIPE_BODY_LIMIT = 1024 * 1024;

/** Stripe's webhooks, mounted at /stripe. Errors are JSON (Stripe is no telephony provider): 400 tells Stripe not to count on us. */
export function stripeRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .use(
      '/webhook',
      bodyLimit({
        maxSize: STRIPE_BODY_LIMIT,
        onError: () => {
          throw new AppError('payload_too_large', `Request body is larger than ${STRIPE_BODY_LIMIT} bytes.`);
        },
      }),
    )
    .post('/webhook', async (c) => {
      // The signature covers the exact bytes Stripe sent: read the raw text, parse only after verifying.
      const received = await receiveStripeEvent(deps, await c.req.text(), c.req.header('stripe-signature'));
      c.set('logFields', { eventId: received.eventId, eventType: received.type, outcome: received.outcome });
      return c.json({ received: true, outcome: received.outcome });
    });
}
