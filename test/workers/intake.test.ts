import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

describe('intake fan-out', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('turns webhooks that arrive together into one intake job, then one reply job per message', async () => {
    const senders = Array.from({ length: 20 }, () => randomUsNumber());
    const responses = await Promise.all(senders.map((from) => h.postSms({ from, body: 'hi' })));
    for (const res of responses) expect(res.status, await res.text()).toBe(200);
    await h.deps.enqueue.drain();
    const intakeJobs = await h.deps.queues.intake.getJobs(['waiting']);
    expect(intakeJobs.length).toBeLessThan(senders.length);
    expect(intakeJobs.flatMap((j) => j.data.messageIds)).toHaveLength(senders.length);

    await h.startWorkers();
    await h.twilio.waitForCount(senders.length);
    await waitForQueuesIdle(h);
    expect(new Set(h.twilio.sent.map((m) => m.to))).toEqual(new Set(senders));
    const replyJobs = await h.deps.queues.reply.getJobs(['completed']);
    const inbound = await h.deps.db.selectFrom('messages').select('id').where('direction', '=', 'inbound').execute();
    expect(replyJobs.map((j) => j.id).sort()).toEqual(inbound.map((m) => m.id).sort());
  });
});
