import { fork } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepWaitingMessages } from '../../src/conversation/sweep.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { deleteKeysWithPrefix } from '../helpers/redis.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { disclosed } from '../helpers/disclosure.js';

// Short locks so a killed worker's job is noticed in about a second instead of the default 30 s.
const TUNING = { lockDurationMs: 1_500, stalledIntervalMs: 500 };

describe('no lost messages', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('sends the reply exactly once when the worker process is killed mid-job', async () => {
    h = await createHarness();
    const from = randomUsNumber();
    h.openai.script({ kind: 'hang' });
    h.openai.setFallbackBehaviour({ kind: 'text', text: 'Here is your answer.' });

    const child = fork('test/helpers/worker-process.ts', {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...h.env, LOG_LEVEL: 'silent', TEST_LOCK_MS: String(TUNING.lockDurationMs), TEST_STALLED_MS: String(TUNING.stalledIntervalMs) },
      stdio: 'ignore',
    });
    const exited = once(child, 'exit');
    await once(child, 'message');

    const llmCalled = h.openai.nextRequest(15_000);
    await h.postSms({ from, body: 'are you there?' });
    await llmCalled; // the child is now inside the job, waiting on the LLM
    child.kill('SIGKILL');
    await exited;

    const sent = h.twilio.nextMessage(15_000);
    await h.startWorkers(TUNING);
    expect(await sent).toMatchObject({ to: from, body: disclosed('Here is your answer.') });
    await waitForQueuesIdle(h);
    expect(h.twilio.sent.filter((m) => m.to === from)).toHaveLength(1);
    const outbound = await h.deps.db.selectFrom('messages').select('status').where('direction', '=', 'outbound').execute();
    expect(outbound).toEqual([{ status: 'accepted' }]);
  });

  it('gets the reply out through the sweep when Redis lost the job after the webhook', async () => {
    h = await createHarness();
    const from = randomUsNumber();
    await h.postSms({ from, body: 'hello after a Redis failover' });
    await h.deps.enqueue.drain();
    expect(await h.deps.queues.intake.count()).toBe(1);

    await deleteKeysWithPrefix(h.queuePrefix);
    expect(await h.deps.queues.intake.count()).toBe(0);

    // Within the grace period the message is presumed in flight and left alone.
    expect(await sweepWaitingMessages(h.deps)).toEqual({ requeued: 0, checked: 0 });
    h.clock.advance(h.config.worker.sweepGraceMs + 1_000);
    expect(await sweepWaitingMessages(h.deps)).toEqual({ requeued: 1, checked: 1 });

    const sent = h.twilio.nextMessage();
    await h.startWorkers();
    expect((await sent).to).toBe(from);
  });

  it('re-enqueues a reply whose send job was lost, without replying twice', async () => {
    h = await createHarness();
    const from = randomUsNumber();
    await h.postSms({ from, body: 'hi' });
    const workers = await h.startWorkers();
    await h.twilio.waitForCount(1);
    await waitForQueuesIdle(h);
    await workers.close();

    // Rewind the reply to "queued" as if its send job had vanished before running.
    await h.deps.db.updateTable('messages').set({ status: 'queued' }).where('direction', '=', 'outbound').execute();
    await h.deps.db.updateTable('messages').set({ provider_message_id: null }).where('direction', '=', 'outbound').execute();
    await deleteKeysWithPrefix(h.queuePrefix);
    h.clock.advance(h.config.worker.sweepGraceMs + 1_000);
    expect((await sweepWaitingMessages(h.deps)).requeued).toBe(1);
    await h.startWorkers();
    await h.twilio.waitForCount(2);
    expect(h.twilio.sent.map((m) => m.to)).toEqual([from, from]);
    const replies = await h.deps.db.selectFrom('messages').select('id').where('direction', '=', 'outbound').execute();
    expect(replies).toHaveLength(1);
  });
});
