import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../../src/billing/seed.js';
import { parseTwimlMessages } from '../../src/dev/twiml-text.js';
import { createBillingHarness, STRIPE_PRICE_PREMIUM, type BillingHarness } from '../helpers/billing-harness.js';
import { createHarness, PUBLIC_URL, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

describe('UPGRADE, PLAN and MANAGE by text', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness();
  });
  afterAll(() => h.close());

  const text = async (from: string, body: string) => {
    const res = await h.postSms({ from, body });
    const twiml = await res.text();
    expect(res.status, twiml).toBe(200);
    return parseTwimlMessages(twiml);
  };
  const personId = async (from: string) => (await h.deps.people.resolve(from)).id;
  const requestsFor = (id: string, path: string) => h.stripe.requests.filter((r) => r.path === path && r.raw.includes(id));

  it('answers UPGRADE with a Checkout link for the Premium price, tied to the person id and never the number', async () => {
    const from = randomUsNumber();
    const [reply] = await text(from, 'UPGRADE');
    expect(reply).toMatch(/^Get Premium for unlimited messages and calls: https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\w+$/);

    const id = await personId(from);
    const [customer] = requestsFor(id, '/v1/customers');
    expect(customer?.form).toEqual({ metadata: { person_id: id } });
    const [checkout] = requestsFor(id, '/v1/checkout/sessions');
    expect(checkout?.form).toMatchObject({
      mode: 'subscription',
      client_reference_id: id,
      line_items: { 0: { price: STRIPE_PRICE_PREMIUM, quantity: '1' } },
      metadata: { person_id: id },
      subscription_data: { metadata: { person_id: id } },
      success_url: `${PUBLIC_URL}/billing/success`,
      cancel_url: `${PUBLIC_URL}/billing/cancel`,
    });
    const digits = from.slice(1);
    expect(h.stripe.requests.filter((r) => r.raw.includes(digits) || r.raw.includes(encodeURIComponent(from)))).toEqual([]);
    await expect(h.deps.db.selectFrom('billing_customers').select('stripe_customer_id').where('person_id', '=', id).execute()).resolves.toHaveLength(1);
  });

  it('creates the Stripe customer once per person, even for two upgrades at the same moment', async () => {
    const from = randomUsNumber();
    const replies = await Promise.all([text(from, 'upgrade'), text(from, 'Upgrade!')]);
    await text(from, ' plan. ');
    expect(replies.flat()).toEqual([expect.stringContaining('https://checkout.stripe.test/'), expect.stringContaining('https://checkout.stripe.test/')]);

    const id = await personId(from);
    const customerIds = [...h.stripe.customers.values()].filter((c) => c.metadata.person_id === id).map((c) => c.id);
    expect(customerIds).toHaveLength(1);
    const sessions = requestsFor(id, '/v1/checkout/sessions');
    expect(sessions).toHaveLength(3);
    expect(new Set(sessions.map((s) => s.form.customer))).toEqual(new Set(customerIds));
  });

  it('makes a new customer when Stripe no longer knows the stored one (deleted, or made with the test key)', async () => {
    const from = randomUsNumber();
    await text(from, 'UPGRADE');
    const id = await personId(from);
    const stored = () => h.deps.db.selectFrom('billing_customers').select('stripe_customer_id').where('person_id', '=', id).executeTakeFirstOrThrow();
    const first = (await stored()).stripe_customer_id;
    h.stripe.customers.delete(first);

    expect(await text(from, 'MANAGE')).toEqual(["You don't have a paid plan. Text UPGRADE to get Premium."]);
    expect(await text(from, 'UPGRADE')).toEqual([expect.stringContaining('https://checkout.stripe.test/')]);
    const second = (await stored()).stripe_customer_id;
    expect(second).not.toBe(first);
    expect(h.stripe.customers.get(second)?.metadata).toEqual({ person_id: id });
  });

  it('answers PLAN with the current plan and usage, then the link', async () => {
    const [reply] = await text(randomUsNumber(), 'PLAN');
    expect(reply).toMatch(/^You're on the Free plan: 0 of 100 messages used this month\. Get Premium for unlimited messages and calls: https:\/\/checkout\.stripe\.test\//);
  });

  it('tells a Premium subscriber they already have it, without calling Stripe', async () => {
    const from = randomUsNumber();
    const id = await personId(from);
    await h.deps.db.insertInto('subscriptions').values({
      stripe_subscription_id: `sub_${id}`, person_id: id, stripe_customer_id: `cus_${id}`, plan_id: 'premium', status: 'active',
      cancel_at_period_end: false, livemode: false, synced_at: new Date(),
    }).execute();
    const before = h.stripe.requests.length;
    expect(await text(from, 'UPGRADE')).toEqual(['You\'re on the Premium plan. Text MANAGE to change your card or cancel.']);
    expect(h.stripe.requests.length).toBe(before);
  });

  it('answers MANAGE with a billing portal link once the person is a customer', async () => {
    const from = randomUsNumber();
    expect(await text(from, 'MANAGE')).toEqual(["You don't have a paid plan. Text UPGRADE to get Premium."]);
    await text(from, 'UPGRADE');
    const [reply] = await text(from, 'manage');
    expect(reply).toMatch(/^Manage your Premium plan \(card, receipts, cancel\): https:\/\/billing\.stripe\.test\/p\/session\/\w+$/);
    const { stripe_customer_id } = await h.deps.db.selectFrom('billing_customers').select('stripe_customer_id').where('person_id', '=', await personId(from)).executeTakeFirstOrThrow();
    const portal = h.stripe.requests.filter((r) => r.path === '/v1/billing_portal/sessions').at(-1);
    expect(portal?.form).toEqual({ customer: stripe_customer_id, return_url: `${PUBLIC_URL}/billing/done` });
  });

  it('answers within the Stripe timeout with a try-again text when Stripe does not answer', async () => {
    h.stripe.failNext('hang');
    const started = Date.now();
    expect(await text(randomUsNumber(), 'UPGRADE')).toEqual(["Sorry, we couldn't create your link just now. Please try again in a few minutes."]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.logs.text()).toContain('checkout link failed');
  });

  it('treats UPGRADE from someone who texted STOP as a message to drop', async () => {
    const from = randomUsNumber();
    const id = await personId(from);
    await h.deps.db.updateTable('people').set({ opted_out_at: new Date() }).where('id', '=', id).execute();
    h.deps.people.patch(h.deps.people.hash(from), { optedOut: true });
    const before = h.stripe.requests.length;
    expect(await text(from, 'UPGRADE')).toEqual([]);
    expect(h.stripe.requests.length).toBe(before);
  });
});

describe('UPGRADE on a service without Stripe', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedPlans(h.deps.db, h.config);
  });
  afterAll(() => h.close());

  it('says upgrades are not available', async () => {
    const res = await h.postSms({ from: randomUsNumber(), body: 'UPGRADE' });
    expect(parseTwimlMessages(await res.text())).toEqual(["Upgrades aren't available on this line."]);
  });
});
