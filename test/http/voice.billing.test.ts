import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../../src/billing/seed.js';
import { texts } from '../../src/billing/texts.js';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

describe('voice call admission (plans)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedPlans(h.deps.db, h.config);
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('tells a caller whose plan has no calls how to upgrade, in English, and hangs up before any conversation', async () => {
    const llmCalls = h.openai.requests.length;
    const call = await placeCall(h, { from: '+34612345699', lines: ['hola'] });
    expect(call.ended).toBe('hangup');
    expect(call.heard).toEqual([{ kind: 'say', text: texts.voiceNotIncluded(), voice: 'Polly.Joanna-Neural', language: 'en-US' }]);
    expect(call.caller.listens).toHaveLength(0);
    expect(h.openai.requests.length).toBe(llmCalls);
    const row = await h.deps.db.selectFrom('calls').select(['status', 'turns']).where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', turns: 0 });
  });

  it('greets a Premium subscriber and holds the conversation', async () => {
    const from = randomUsNumber();
    const person = await h.deps.people.resolve(from);
    await h.deps.db.insertInto('subscriptions').values({
      stripe_subscription_id: `sub_${person.id}`, person_id: person.id, stripe_customer_id: `cus_${person.id}`,
      plan_id: 'premium', status: 'active', cancel_at_period_end: false, livemode: false, synced_at: new Date(),
    }).execute();
    h.openai.script({ kind: 'text', text: 'Premium answer.' });
    const call = await placeCall(h, { from, lines: ['hello', 'bye'] });
    expect(call.said).toEqual([...greeting('en'), 'Premium answer.', PHRASES.en.goodbye]);
  });
});
