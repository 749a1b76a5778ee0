import Stripe from 'stripe';
import type { Config } from '../config.js';

/**
 * The Stripe SDK, configured once: every call has the configured timeout and no SDK-level retries (the
 * UPGRADE reply runs inside Twilio's 15 s webhook; the `stripe` worker has BullMQ's own retries).
 * STRIPE_API_URL points it elsewhere (tests run a local fake speaking Stripe's API).
 */
export function createStripeClient(stripe: NonNullable<Config['billing']['stripe']>): Stripe {
  const api = stripe.apiUrl ? new URL(stripe.apiUrl) : undefined;
  return new Stripe(stripe.secretKey, {
    timeout: stripe.timeoutMs,
    maxNetworkRetries: 0,
    telemetry: false,
    appInfo: { name: 'switchboard' },
    ...(api
      ? {
          host: api.hostname,
          port: api.port || (api.protocol === 'http:' ? '80' : '443'),
          protocol: api.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/** True when Stripe says the object does not exist (a deleted customer, an id from another account or mode). */
export function isStripeNotFound(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && (error.statusCode === 404 || error.code === 'resource_missing');
}
