import { createHmac, randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/** Signs like Stripe does, with the SDK's own function (so our verifier is checked against Stripe's). */
export function signStripe(payload: string, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return new Stripe('sk_test_signing_only').webhooks.generateTestHeaderString({ payload, secret, timestamp: timestampSeconds });
}

/** A v1 signature computed by hand, for headers the SDK will not produce (several signatures, odd forms). */
export const v1 = (payload: string, secret: string, timestampSeconds: number) =>
  createHmac('sha256', secret).update(`${timestampSeconds}.${payload}`).digest('hex');

export const newEventId = () => `evt_${randomBytes(12).toString('hex')}`;

/** An event envelope as Stripe posts it. */
export function stripeEvent(type: string, object: object, options: { id?: string; created?: number; livemode?: boolean } = {}) {
  return {
    id: options.id ?? newEventId(),
    object: 'event',
    api_version: '2026-10-28.endive',
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: options.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** An invoice for a subscription, shaped as API 2025-03-31+ has it (parent.subscription_details). */
export function invoiceFor(subscriptionId: string, customer: string) {
  return {
    id: `in_${randomBytes(12).toString('hex')}`,
    object: 'invoice',
    customer,
    customer_email: 'someone@example.com',
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { subscription: subscriptionId, metadata: {} } },
    status: 'paid',
  };
}
