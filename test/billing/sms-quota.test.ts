import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTwimlMessages } from '../../src/dev/twiml-text.js';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

describe('SMS quota in the reply worker', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness();
    await h.deps.db.updateTable('plan_features').set({ usage_limit: 2 }).where('plan_id', '=', 'free').where('feature_key', '=', 'sms_chat').execute();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  // A phone number in a message body would reach the LLM as [PHONE]: tag messages with letters only.
  const asTag = (from: string) => Buffer.from(from).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);
  const personId = async (from: string) => (await h.deps.people.resolve(from)).id;
  const llmCallsFor = (tag: string) => h.openai.requests.filter((r) => r.messages.at(-1)?.content.startsWith(tag)).length;
  const textsTo = (to: string) => h.twilio.sent.filter((m) => m.to === to).map((m) => m.body);
  const inboundStatuses = async (from: string) =>
    (await h.deps.db.selectFrom('messages').select('status').where('person_id', '=', await personId(from)).where('direction', '=', 'inbound').execute()).map((r) => r.status).sort();

  it('answers up to the limit, then sends one notice with the upgrade link and the reset day, then nothing', async () => {
    const from = randomUsNumber();
    const tag = `quota-${asTag(from)}`;
    await Promise.all([1, 2, 3, 4, 5].map((n) => h.postSms({ from, body: `${tag} message ${n}` })));
    await waitForQueuesIdle(h);

    expect(llmCallsFor(tag)).toBe(2);
    const texts = textsTo(from);
    expect(texts).toHaveLength(3);
    const notices = texts.filter((t) => t.startsWith("You've used all 2 messages for this month."));
    expect(notices, JSON.stringify(texts)).toHaveLength(1);
    const now = h.clock.now();
    const resetDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
    expect(notices[0]).toContain(`Replies start again on ${resetDay}.`);
    expect(notices[0]).toMatch(/Unlimited with Premium: https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_\w+$/);
    expect(await inboundStatuses(from)).toEqual(['replied', 'replied', 'replied', 'skipped', 'skipped']);

    // Still over quota later in the period: no second notice, no LLM.
    await h.postSms({ from, body: `${tag} message 6` });
    await waitForQueuesIdle(h);
    expect(textsTo(from)).toHaveLength(3);
    expect(llmCallsFor(tag)).toBe(2);
  });

  it('still answers a command while over quota, and never charges it', async () => {
    const from = randomUsNumber();
    const tag = `cmd-${asTag(from)}`;
    for (const n of [1, 2, 3]) await h.postSms({ from, body: `${tag} ${n}` });
    await waitForQueuesIdle(h);
    expect(textsTo(from).some((t) => t.startsWith("You've used all"))).toBe(true);

    const res = await h.postSms({ from, body: 'upgrade' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(parseTwimlMessages(await res.text())).toEqual([expect.stringMatching(/^Get Premium for unlimited messages and calls: https:\/\/checkout\.stripe\.test\//)]);
    const usage = await h.deps.db.selectFrom('feature_usage').select('used').where('person_id', '=', await personId(from)).executeTakeFirstOrThrow();
    expect(usage.used).toBe(2);
  });

  it('answers again once the next period starts', async () => {
    const from = randomUsNumber();
    const tag = `roll-${asTag(from)}`;
    for (const n of [1, 2, 3]) await h.postSms({ from, body: `${tag} ${n}` });
    await waitForQueuesIdle(h);
    expect(llmCallsFor(tag)).toBe(2);

    const now = h.clock.now();
    h.clock.advance(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - now.getTime() + 60_000);
    const reply = h.twilio.nextMessage();
    await h.postSms({ from, body: `${tag} next month` });
    expect((await reply).to).toBe(from);
    expect(llmCallsFor(tag)).toBe(3);
  });

  it('points to UPGRADE in the notice when Stripe cannot make a link', async () => {
    const from = randomUsNumber();
    for (const n of [1, 2]) await h.postSms({ from, body: `down-${from} ${n}` });
    await waitForQueuesIdle(h);
    h.stripe.failNext({ status: 500, type: 'api_error', message: 'boom' });
    const notice = h.twilio.nextMessage();
    await h.postSms({ from, body: `down-${from} 3` });
    expect((await notice).body).toMatch(/Text UPGRADE for unlimited messages with Premium\.$/);
  });
});
