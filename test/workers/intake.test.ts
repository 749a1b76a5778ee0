import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundMessage } from '../../src/conversation/inbound.js';
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

  it('adds a voice turn\'s reply job at once, without the intake hop (a caller is waiting)', async () => {
    const events = new QueueEvents('reply', { connection: { url: h.config.redis.url }, prefix: h.queuePrefix });
    await events.waitUntilReady();
    const intakeBefore = await h.deps.queues.intake.count();
    const outcome = await handleInboundMessage(h.deps, { provider: 'twilio', channel: 'voice', providerMessageId: 'CAbench:1', from: randomUsNumber(), to: '+15550001111', body: 'what should I eat today' });
    if (outcome.kind !== 'queued') throw new Error(`expected queued, got ${outcome.kind}`);
    const added = new Promise<void>((resolve) => events.on('waiting', ({ jobId }) => jobId === outcome.messageId && resolve()));
    if (!(await h.deps.queues.reply.getJob(outcome.messageId))) await added;
    await events.close();
    expect((await h.deps.queues.reply.getJob(outcome.messageId))?.data).toEqual({ messageId: outcome.messageId });
    expect(await h.deps.queues.intake.count()).toBe(intakeBefore);
  });
});
