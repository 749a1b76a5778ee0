import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRIPE_BODY_LIMIT } from '../../src/http/stripe.js';
import { createBillingHarness, STRIPE_WEBHOOK_SECRET, type BillingHarness } from '../helpers/billing-harness.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { signStripe, stripeEvent, v1 } from '../helpers/stripe-events.js';

describe('POST /stripe/webhook (security)', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness();
  });
  afterAll(() => h.close());

  const body = () => JSON.stringify(stripeEvent('customer.subscription.updated', { id: 'sub_x', object: 'subscription', customer: 'cus_x', metadata: {} }));
  const nowS = () => Math.floor(h.clock.now().getTime() / 1000);
  const stored = async (payload: string) => {
    const { id } = JSON.parse(payload) as { id: string };
    return h.deps.db.selectFrom('stripe_events').select('id').where('id', '=', id).execute();
  };
  const expectRejected = async (res: Response, payload: string, message: RegExp) => {
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message), requestId: expect.any(String) } });
    expect(await stored(payload)).toEqual([]);
  };

  it('accepts an event signed with the endpoint secret by Stripe’s own signing code', async () => {
    const payload = body();
    const res = await h.postStripe(payload, { timestamp: nowS() });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await stored(payload)).toHaveLength(1);
  });

  it('rejects a request with no Stripe-Signature header with 400', async () => {
    const payload = body();
    await expectRejected(await h.postStripe(payload, { signature: null }), payload, /missing/);
  });

  it('rejects a signature made with another secret with 400', async () => {
    const payload = body();
    await expectRejected(await h.postStripe(payload, { signature: signStripe(payload, 'whsec_someone_else', nowS()) }), payload, /mismatch/);
  });

  it('rejects a body changed after signing with 400', async () => {
    const payload = body();
    const signature = signStripe(payload, STRIPE_WEBHOOK_SECRET, nowS());
    const tampered = payload.replace('"livemode":false', '"livemode":true');
    await expectRejected(await h.postStripe(tampered, { signature }), tampered, /mismatch/);
  });

  it('rejects a header with no timestamp or no v1 signature with 400', async () => {
    const payload = body();
    await expectRejected(await h.postStripe(payload, { signature: `v1=${v1(payload, STRIPE_WEBHOOK_SECRET, nowS())}` }), payload, /malformed/);
    await expectRejected(await h.postStripe(payload, { signature: `t=${nowS()},v0=abc` }), payload, /malformed/);
  });

  it('rejects a correctly signed event older than five minutes (a replay) with 400', async () => {
    const payload = body();
    await expectRejected(await h.postStripe(payload, { timestamp: nowS() - 301 }), payload, /too old/);
    const recent = body();
    expect((await h.postStripe(recent, { timestamp: nowS() - 290 })).status).toBe(200);
  });

  it('rejects a correctly signed event from the future with 400', async () => {
    const payload = body();
    await expectRejected(await h.postStripe(payload, { timestamp: nowS() + 600 }), payload, /in future/);
  });

  it('judges age by the service clock, not the wall clock', async () => {
    const payload = body();
    const signedAt = nowS();
    h.clock.advance(10 * 60_000);
    await expectRejected(await h.postStripe(payload, { timestamp: signedAt }), payload, /too old/);
  });

  it('accepts any of several v1 signatures (Stripe sends two while the secret is rolled)', async () => {
    const payload = body();
    const t = nowS();
    const res = await h.postStripe(payload, { signature: `t=${t},v1=${v1(payload, 'whsec_old_secret', t)},v1=${v1(payload, STRIPE_WEBHOOK_SECRET, t)}` });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('rejects a signed body that is not a Stripe event with 400', async () => {
    const payload = JSON.stringify({ hello: 'world' });
    const res = await h.postStripe(payload, { timestamp: nowS() });
    expect(res.status, await res.clone().text()).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('The body is not a Stripe event.');
  });

  it('rejects a body over the size limit with 413', async () => {
    const payload = JSON.stringify({ ...stripeEvent('invoice.paid', { id: 'in_x', object: 'invoice' }), padding: 'x'.repeat(STRIPE_BODY_LIMIT) });
    const res = await h.postStripe(payload, { timestamp: nowS() });
    expect(res.status, await res.clone().text()).toBe(413);
  });
});

describe('POST /stripe/webhook without Stripe configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers 404 in JSON', async () => {
    const res = await h.app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status, await res.clone().text()).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
