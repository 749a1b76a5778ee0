import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../../src/billing/seed.js';
import { texts } from '../../src/billing/texts.js';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

/**
 * The dev-only routes behind `npm run phone`. No account SID: the console provider, as on a fresh
 * checkout; the auth token stays set so the harness signs requests the way the phone does.
 */
describe('dev phone routes (console provider)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { TWILIO_ACCOUNT_SID: undefined } });
    await seedPlans(h.deps.db, h.config);
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const choosePlan = (number: string, plan: string, init?: { signature?: string | null }) => h.postTwilio('/dev/phone/plan', { number, plan }, init);

  it('runs on the console provider', () => {
    expect(h.config.twilio.live).toBe(false);
  });

  it('puts a number on Premium so a call goes through, and back on Free so it is refused again', async () => {
    const from = randomUsNumber();
    const refused = await placeCall(h, { from, lines: ['hello'] });
    expect(refused.said).toEqual([texts.voiceNotIncluded()]);

    const res = await choosePlan(from, 'premium');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ plan: 'premium' });
    h.openai.script({ kind: 'text', text: 'Hello from the model.' });
    const admitted = await placeCall(h, { from, lines: ['hello', 'bye'] });
    expect(admitted.said).toEqual([...greeting('en'), 'Hello from the model.', PHRASES.en.goodbye]);

    expect((await choosePlan(from, 'free')).status).toBe(200);
    const refusedAgain = await placeCall(h, { from, lines: ['hello'] });
    expect(refusedAgain.said).toEqual([texts.voiceNotIncluded()]);
    // Moved twice, still one stand-in subscription, marked as test mode.
    const rows = await h.deps.db.selectFrom('subscriptions').select(['status', 'livemode', 'plan_id']).where('stripe_subscription_id', 'like', 'dev_%').execute();
    expect(rows).toEqual([{ status: 'paused', livemode: false, plan_id: 'free' }]);
  });

  it('refuses an unsigned request and an unknown plan with a JSON error', async () => {
    const from = randomUsNumber();
    const unsigned = await choosePlan(from, 'premium', { signature: null });
    expect(unsigned.status).toBe(403);
    const unknown = await choosePlan(from, 'gold');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('gold') } });
    const badNumber = await choosePlan('12345', 'premium');
    expect(badNumber.status).toBe(400);
  });
});

describe('dev phone routes with live Twilio', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('do not exist', async () => {
    expect((await h.postTwilio('/dev/phone/plan', { number: randomUsNumber(), plan: 'premium' })).status).toBe(404);
  });
});
