import type Stripe from 'stripe';
import { findCustomerId, forgetCustomer, linkCustomer } from '../db/queries/billing.js';
import type { Deps } from '../deps.js';
import { isLanguage } from '../util/language.js';
import { isStripeNotFound } from './stripe-client.js';

type BillingDeps = Pick<Deps, 'db' | 'config' | 'clock'> & { stripe: Stripe };

/**
 * The person's Stripe customer, created on first need. Stripe knows them only by our person id (in
 * metadata): never a phone number, name or email. The idempotency key makes concurrent first requests
 * (two UPGRADE texts at once) get the same customer from Stripe.
 */
export async function ensureCustomer(deps: BillingDeps, personId: string, attempt = 0): Promise<string> {
  const existing = await findCustomerId(deps.db, personId);
  if (existing) return existing;
  const idempotencyKey = `switchboard-customer-${personId}${attempt ? `-${attempt}` : ''}`;
  const customer = await deps.stripe.customers.create({ metadata: { person_id: personId } }, { idempotencyKey });
  await linkCustomer(deps.db, personId, customer.id);
  return (await findCustomerId(deps.db, personId)) ?? customer.id;
}

/** A Checkout link for the Premium price. The subscription it creates carries the person id, so its events find them. */
export async function createCheckoutUrl(deps: BillingDeps, person: { id: string; locale: string | null }): Promise<string> {
  try {
    return await checkoutUrlFor(deps, person, await ensureCustomer(deps, person.id));
  } catch (error) {
    if (!isMissingCustomer(error)) throw error;
    // The stored customer is gone: deleted in the dashboard, or made with the test key before going live.
    await forgetCustomer(deps.db, person.id);
    return checkoutUrlFor(deps, person, await ensureCustomer(deps, person.id, deps.clock.now().getTime()));
  }
}

async function checkoutUrlFor(deps: BillingDeps, person: { id: string; locale: string | null }, customer: string): Promise<string> {
  const { billing } = deps.config;
  const session = await deps.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: person.id,
    line_items: [{ price: billing.stripe!.pricePremium, quantity: 1 }],
    metadata: { person_id: person.id },
    subscription_data: { metadata: { person_id: person.id } },
    success_url: billing.successUrl,
    cancel_url: billing.cancelUrl,
    locale: isLanguage(person.locale) ? person.locale : 'auto',
  });
  if (!session.url) throw new Error('Stripe returned a Checkout session without a URL');
  return session.url;
}

/** A billing portal link (card, invoices, cancel), or undefined when the person has never been a customer. */
export async function createPortalUrl(deps: BillingDeps, personId: string): Promise<string | undefined> {
  const customer = await findCustomerId(deps.db, personId);
  if (!customer) return undefined;
  try {
    const session = await deps.stripe.billingPortal.sessions.create({ customer, return_url: deps.config.billing.portalReturnUrl });
    return session.url;
  } catch (error) {
    if (!isMissingCustomer(error)) throw error;
    await forgetCustomer(deps.db, personId);
    return undefined;
  }
}

const isMissingCustomer = (error: unknown) => isStripeNotFound(error) && (error as { param?: string }).param === 'customer';

/** What to log about a failed Stripe call: its class and codes, never the request. */
export function stripeErrorFields(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; type?: string; code?: string; statusCode?: number };
  return { errName: e.name, errType: e.type, errCode: e.code, errStatus: e.statusCode };
}
