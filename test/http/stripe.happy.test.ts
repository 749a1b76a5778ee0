import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeQuota } from '../../src/billing/quota.js';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';
import { SERVICE_NUMBER } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { invoiceFor } from '../helpers/stripe-events.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

const DEFAULT_NUMBER = '+15550009999';

describe('POST /stripe/webhook → stripe worker', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness({ env: { DEFAULT_SERVICE_NUMBER: DEFAULT_NUMBER } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const personId = async (from: string) => (await h.deps.people.resolve(from)).id;
  const textsTo = (to: string) => h.twilio.sent.filter((m) => m.to === to);
  const subscriptionRow = (id: string) => h.deps.db.selectFrom('subscriptions').selectAll().where('stripe_subscription_id', '=', id).executeTakeFirstOrThrow();
  const eventRow = (id: string) => h.deps.db.selectFrom('stripe_events').select(['status', 'note', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();

  /** Texts UPGRADE, "pays" on the Checkout page, and delivers checkout.session.completed. */
  async function subscribe(from: string) {
    const res = await h.postSms({ from, body: 'UPGRADE' });
    expect(res.status, await res.clone().text()).toBe(200);
    const id = await personId(from);
    const session = [...h.stripe.sessions.values()].filter((s) => s.client_reference_id === id).at(-1)!;
    const { session: completed, subscription } = h.stripe.completeCheckout(session.id as string);
    const { id: eventId, res: ack } = await h.sendEvent('checkout.session.completed', completed);
    expect(ack.status, await ack.clone().text()).toBe(200);
    expect(await h.waitForStripeJob(eventId)).toMatchObject({ outcome: 'processed', personId: id });
    await waitForQueuesIdle(h);
    return { personId: id, subscription, customer: completed.customer as string };
  }

  it('checkout.session.completed: puts the person on Premium and texts them once, from the number they texted', async () => {
    const from = randomUsNumber();
    const { personId: id, subscription } = await subscribe(from);
    expect(await subscriptionRow(subscription.id)).toMatchObject({ person_id: id, plan_id: 'premium', status: 'active', livemode: false });
    expect(textsTo(from).map((m) => [m.from, m.body])).toEqual([[SERVICE_NUMBER, expect.stringMatching(/^Premium is active\./)]]);
    expect(await consumeQuota(h.deps, { personId: id, feature: 'voice_calls', chargeKey: `t-${id}` })).toMatchObject({ allowed: true, planId: 'premium' });
    const outbound = await h.deps.db.selectFrom('messages').select(['reply_to_id', 'status']).where('person_id', '=', id).where('direction', '=', 'outbound').execute();
    expect(outbound).toEqual([{ reply_to_id: null, status: 'accepted' }]);
  });

  it('customer.subscription.created after checkout changes nothing and sends no second text', async () => {
    const from = randomUsNumber();
    const { subscription } = await subscribe(from);
    const { id } = await h.sendEvent('customer.subscription.created', subscription);
    expect(await h.waitForStripeJob(id)).toMatchObject({ outcome: 'processed' });
    await waitForQueuesIdle(h);
    expect(textsTo(from)).toHaveLength(1);
  });

  it('customer.subscription.updated: records a cancellation at period end, Premium still on', async () => {
    const { subscription } = await subscribe(randomUsNumber());
    const updated = h.stripe.updateSubscription(subscription.id, { cancel_at_period_end: true });
    const { id } = await h.sendEvent('customer.subscription.updated', updated);
    await h.waitForStripeJob(id);
    expect(await subscriptionRow(subscription.id)).toMatchObject({ status: 'active', cancel_at_period_end: true, plan_id: 'premium' });
  });

  it('customer.subscription.deleted: back to Free, with one text saying so', async () => {
    const from = randomUsNumber();
    const { personId: id, subscription } = await subscribe(from);
    const ended = h.stripe.updateSubscription(subscription.id, { status: 'canceled' });
    const first = await h.sendEvent('customer.subscription.deleted', ended);
    await h.waitForStripeJob(first.id);
    const again = await h.sendEvent('customer.subscription.deleted', ended);
    await h.waitForStripeJob(again.id);
    await waitForQueuesIdle(h);
    expect((await subscriptionRow(subscription.id)).status).toBe('canceled');
    expect(textsTo(from).map((m) => m.body)).toEqual([expect.stringMatching(/^Premium is active/), expect.stringMatching(/^Your Premium plan has ended/)]);
    expect(await consumeQuota(h.deps, { personId: id, feature: 'voice_calls', chargeKey: `t-${id}` })).toMatchObject({ allowed: false, reason: 'not_included' });
  });

  it('invoice.paid: records the renewed period', async () => {
    const { subscription, customer } = await subscribe(randomUsNumber());
    const item = subscription.items.data[0]!;
    const renewed = { ...item, current_period_start: item.current_period_end, current_period_end: item.current_period_end + 30 * 86_400 };
    h.stripe.updateSubscription(subscription.id, { items: { object: 'list', data: [renewed] } });
    const { id } = await h.sendEvent('invoice.paid', invoiceFor(subscription.id, customer));
    await h.waitForStripeJob(id);
    expect((await subscriptionRow(subscription.id)).current_period_end?.getTime()).toBe(renewed.current_period_end * 1000);
  });

  it('invoice.payment_failed: past_due (Premium kept while Stripe retries), one text per failed invoice', async () => {
    const from = randomUsNumber();
    const { personId: id, subscription, customer } = await subscribe(from);
    h.stripe.updateSubscription(subscription.id, { status: 'past_due' });
    const invoice = invoiceFor(subscription.id, customer);
    for (const attempt of [1, 2]) {
      const { id: eventId } = await h.sendEvent('invoice.payment_failed', { ...invoice, attempt_count: attempt });
      await h.waitForStripeJob(eventId);
    }
    await waitForQueuesIdle(h);
    expect((await subscriptionRow(subscription.id)).status).toBe('past_due');
    expect(textsTo(from).map((m) => m.body)).toEqual([expect.stringMatching(/^Premium is active/), expect.stringMatching(/^We couldn't take your Premium payment/)]);
    expect(await consumeQuota(h.deps, { personId: id, feature: 'voice_calls', chargeKey: `t-${id}` })).toMatchObject({ allowed: true });
  });

  it('processes the same event delivered three times at once exactly once', async () => {
    const from = randomUsNumber();
    await h.postSms({ from, body: 'UPGRADE' });
    const id = await personId(from);
    const session = [...h.stripe.sessions.values()].find((s) => s.client_reference_id === id)!;
    const { session: completed, subscription } = h.stripe.completeCheckout(session.id as string);
    const eventId = `evt_triple_${id.replace(/-/g, '')}`;
    const responses = await Promise.all([1, 2, 3].map(() => h.sendEvent('checkout.session.completed', completed, { id: eventId })));
    expect(responses.map((r) => r.res.status)).toEqual([200, 200, 200]);
    const outcomes = await Promise.all(responses.map(async (r) => ((await r.res.json()) as { outcome: string }).outcome));
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'queued']);
    await h.waitForStripeJob(eventId);
    await waitForQueuesIdle(h);

    expect(await eventRow(eventId)).toEqual({ status: 'processed', note: null, attempts: 1 });
    expect(await h.deps.db.selectFrom('subscriptions').select('status').where('person_id', '=', id).execute()).toEqual([{ status: 'active' }]);
    expect(textsTo(from)).toHaveLength(1);
    expect(h.stripe.requests.filter((r) => r.path === `/v1/subscriptions/${subscription.id}`)).toHaveLength(1);
  });

  it('never lets an older "updated" arriving after "deleted" bring the subscription back', async () => {
    const from = randomUsNumber();
    const { subscription } = await subscribe(from);
    const olderActive = { ...subscription, status: 'active' };
    const canceled = h.stripe.updateSubscription(subscription.id, { status: 'canceled' });
    const created = Math.floor(Date.now() / 1000);
    const deleted = await h.sendEvent('customer.subscription.deleted', canceled, { created });
    await h.waitForStripeJob(deleted.id);
    const stale = await h.sendEvent('customer.subscription.updated', olderActive, { created: created - 60 });
    await h.waitForStripeJob(stale.id);
    await waitForQueuesIdle(h);
    expect((await subscriptionRow(subscription.id)).status).toBe('canceled');
    expect(textsTo(from).map((m) => m.body)).toEqual([expect.stringMatching(/^Premium is active/), expect.stringMatching(/^Your Premium plan has ended/)]);
  });

  it('acknowledges an event for no known person and records it for the operator, without retrying', async () => {
    const stranger = h.stripe.addSubscription({ customer: 'cus_unknown_to_us', price: 'price_premium_test' });
    const { id, res } = await h.sendEvent('customer.subscription.updated', stranger);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await h.waitForStripeJob(id)).toMatchObject({ outcome: 'unmatched' });
    expect(await eventRow(id)).toEqual({ status: 'unmatched', note: expect.stringContaining('no person for customer cus_unknown_to_us'), attempts: 1 });
    expect(h.logs.text()).toContain('stripe event matches no person');
  });

  it('records an event about a subscription Stripe does not know as unmatched, without retrying', async () => {
    const { id } = await h.sendEvent('customer.subscription.updated', { id: 'sub_gone', object: 'subscription', customer: 'cus_gone', metadata: {} });
    expect(await h.waitForStripeJob(id)).toMatchObject({ outcome: 'unmatched' });
    expect(await eventRow(id)).toMatchObject({ status: 'unmatched', attempts: 1 });
  });

  it('retries an event while Stripe fails, then processes it', async () => {
    const from = randomUsNumber();
    const { subscription } = await subscribe(from);
    h.stripe.failNext({ status: 500, type: 'api_error', message: 'try later' });
    const updated = h.stripe.updateSubscription(subscription.id, { cancel_at_period_end: true });
    const { id } = await h.sendEvent('customer.subscription.updated', updated);
    expect(await h.waitForStripeJob(id, 15_000)).toMatchObject({ outcome: 'processed' });
    expect(await eventRow(id)).toMatchObject({ status: 'processed', attempts: 2 });
    expect((await subscriptionRow(subscription.id)).cancel_at_period_end).toBe(true);
  });

  it('texts someone who never texted in from DEFAULT_SERVICE_NUMBER', async () => {
    const from = randomUsNumber();
    const id = await personId(from);
    const customer = h.stripe.customers.size.toString();
    const sub = h.stripe.addSubscription({ customer: `cus_direct_${customer}`, price: 'price_premium_test', metadata: { person_id: id } });
    const { id: eventId } = await h.sendEvent('customer.subscription.created', sub);
    await h.waitForStripeJob(eventId);
    await waitForQueuesIdle(h);
    expect(textsTo(from).map((m) => [m.from, m.body])).toEqual([[DEFAULT_NUMBER, expect.stringMatching(/^Premium is active/)]]);
  });

  it('acknowledges and ignores event types it does not act on', async () => {
    const { id, res } = await h.sendEvent('customer.created', { id: 'cus_new', object: 'customer' });
    expect(await res.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await eventRow(id)).toMatchObject({ status: 'ignored' });
    expect(await h.deps.queues.stripe.getJob(id)).toBeUndefined();
  });
});

describe('POST /stripe/webhook on a live key', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness({ secretKey: 'sk_live_switchboard_fake' });
  });
  afterAll(() => h.close());

  it('ignores test-mode events', async () => {
    const { id, res } = await h.sendEvent('customer.subscription.updated', { id: 'sub_test', object: 'subscription', customer: 'cus_test', metadata: {} }, { livemode: false });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'ignored' });
    const row = await h.deps.db.selectFrom('stripe_events').select(['status', 'note']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ignored', note: 'test-mode event on a live key' });
    expect(await h.deps.queues.stripe.getJob(id)).toBeUndefined();
  });
});
