import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

/** Opt-out meeting work already in flight, through the real webhook and workers. */
describe('opt-out against replies in flight', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const replyTo = (from: string) =>
    h.deps.db
      .selectFrom('messages as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.status', 'm.error_code'])
      .where('p.phone_hash', '=', h.deps.people.hash(from))
      .where('m.direction', '=', 'outbound')
      .executeTakeFirstOrThrow();

  it('never sends a reply whose LLM call was running when STOP arrived', async () => {
    const from = randomUsNumber();
    let finishLlm!: () => void;
    h.openai.script({ kind: 'held', text: 'Here are some breakfast ideas.', until: new Promise<void>((resolve) => (finishLlm = resolve)) });
    const llmCalled = h.openai.nextRequest();

    await h.postSms({ from, body: 'what should I eat for breakfast?' });
    await llmCalled; // the reply job is now waiting on the model
    const stop = await h.postSms({ from, body: 'STOP' });
    expect(await stop.text()).toContain('unsubscribed');
    finishLlm();
    await waitForQueuesIdle(h);

    expect(h.twilio.sent.filter((m) => m.to === from)).toHaveLength(0);
    expect((await replyTo(from)).status).toBe('canceled');
  });

  it('marks the person opted out on Twilio 21610, does not retry, and answers nothing after', async () => {
    const from = randomUsNumber();
    h.twilio.optedOut.add(from);
    await h.postSms({ from, body: 'hello' });
    await waitForQueuesIdle(h);

    expect(await replyTo(from)).toEqual({ status: 'failed', error_code: '21610' });
    const [failed] = await h.deps.queues.send.getJobs(['failed']);
    expect(failed?.attemptsMade).toBe(1);
    const person = await h.deps.db.selectFrom('people').select('opted_out_at').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow();
    expect(person.opted_out_at).toBeInstanceOf(Date);

    const llmCalls = h.openai.requests.length;
    await h.postSms({ from, body: 'are you there?' });
    await waitForQueuesIdle(h);
    expect(h.openai.requests.length).toBe(llmCalls);
  });
});
