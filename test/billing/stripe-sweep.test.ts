import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_ATTEMPTS, processStripeEvent } from '../../src/billing/stripe-events.js';
import { sweepStripeEvents } from '../../src/billing/stripe-sweep.js';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';

describe('stripe events whose job was lost', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness();
  });
  afterAll(() => h.close());

  const status = (id: string) => h.deps.db.selectFrom('stripe_events').select(['status', 'note']).where('id', '=', id).executeTakeFirstOrThrow();

  it('are queued again by the sweep after the grace period, then processed', async () => {
    const { id, res } = await h.sendEvent('customer.subscription.updated', { id: 'sub_lost', object: 'subscription', customer: 'cus_lost', metadata: {} });
    expect(res.status, await res.clone().text()).toBe(200);
    await (await h.deps.queues.stripe.getJob(id))!.remove(); // what a flushed Redis looks like

    expect(await sweepStripeEvents(h.deps)).toMatchObject({ requeued: 0 }); // too recent: its job may just be slow
    h.clock.advance(h.config.worker.sweepGraceMs + 1_000);
    expect(await sweepStripeEvents(h.deps)).toMatchObject({ requeued: 1 });

    await h.startWorkers();
    expect(await h.waitForStripeJob(id)).toMatchObject({ outcome: 'unmatched' });
    expect(await status(id)).toMatchObject({ status: 'unmatched' });
    expect(await sweepStripeEvents(h.deps)).toMatchObject({ requeued: 0, checked: 0 });
  });

  it('are given up on, and marked failed for the operator, after the attempt cap', async () => {
    const { id } = await h.sendEvent('invoice.paid', { id: 'in_stuck', object: 'invoice', customer: 'cus_x', parent: null, subscription: 'sub_stuck' });
    await h.deps.db.updateTable('stripe_events').set({ attempts: MAX_EVENT_ATTEMPTS }).where('id', '=', id).execute();
    expect(await processStripeEvent(h.deps, id)).toEqual({ status: 'failed', note: `gave up after ${MAX_EVENT_ATTEMPTS} attempts` });
    expect(await status(id)).toEqual({ status: 'failed', note: `gave up after ${MAX_EVENT_ATTEMPTS} attempts` });
  });
});
