import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTwimlMessages } from '../../src/dev/twiml-text.js';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';

/** The crisis path is not metered: a person with no messages left still gets the resources at once. */
describe('a crisis message from someone over their quota, with the LLM down', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness();
    await h.deps.db.updateTable('plan_features').set({ usage_limit: 1 }).where('plan_id', '=', 'free').where('feature_key', '=', 'sms_chat').execute();
    h.openai.setFallbackBehaviour({ kind: 'status', status: 503 });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it.each([
    ['+15555550142', 'i want to kill myself', '988'],
    ['+447700900142', 'I want to end my life', '116 123'],
    ['+34612345142', 'quiero morir', '024'],
    ['+33612345142', 'je veux mourir', '3114'],
    ['+4915123456142', 'ich will sterben', '0800 111 0 111'],
    ['+525512345142', 'me quiero suicidar', '800 911 2000'],
    ['+5511912345142', 'quero morrer', '188'],
  ])('answers %s with their crisis line although their quota is used up', async (from, crisis, line) => {
    await h.postSms({ from, body: 'what can I eat today' });
    await h.postSms({ from, body: 'and tomorrow' });
    await waitForQueuesIdle(h);
    const person = await h.deps.people.resolve(from);
    const usage = await h.deps.db.selectFrom('feature_usage').select('used').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    expect(usage.used).toBe(1);
    const llmCalls = h.openai.requests.length;

    const res = await h.postSms({ from, body: crisis });
    const twiml = await res.text();
    expect(res.status, twiml).toBe(200);
    expect(parseTwimlMessages(twiml)[0]).toContain(line);
    expect(h.openai.requests.length).toBe(llmCalls);
    const events = await h.deps.db.selectFrom('crisis_events').select('category').where('person_id', '=', person.id).execute();
    expect(events).toEqual([{ category: 'suicide' }]);
    const after = await h.deps.db.selectFrom('feature_usage').select('used').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    expect(after.used).toBe(1);
  });
});
