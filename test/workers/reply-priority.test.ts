import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundMessage } from '../../src/conversation/inbound.js';
import { startIntakeWorker } from '../../workers/intake.js';
import { startReplyWorker } from '../../workers/reply.js';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

const TIMEOUT_MS = 20_000;

/** Resolves once `count` has reached `target`, counting what `on` reports; rejects after TIMEOUT_MS. */
function counted(on: (add: (n: number) => void) => void, target: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what} (${total}/${target})`)), TIMEOUT_MS);
    on((n) => {
      total += n;
      if (total >= target) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

describe('reply queue priority', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers a caller on the line before a backlog of texts that came in first', async () => {
    // A backlog: texts stored and fanned out into reply jobs, with no reply worker running yet.
    const texts = 8;
    for (let i = 0; i < texts; i++) expect((await h.postSms({ from: randomUsNumber(), body: `question ${i}` })).status).toBe(200);
    await h.deps.enqueue.drain();
    const intake = startIntakeWorker(h.deps);
    await counted((add) => intake.on('completed', (_job, result: { messages: number }) => add(result.messages)), texts, 'intake fan-out');
    await intake.close();

    // Then a caller speaks.
    const turn = await handleInboundMessage(h.deps, { provider: 'twilio', channel: 'voice', providerMessageId: 'CApriority:1', from: randomUsNumber(), to: SERVICE_NUMBER, body: 'is it safe to fly at 30 weeks' });
    if (turn.kind !== 'queued') throw new Error(`expected queued, got ${turn.kind}`);
    await h.deps.enqueue.replyNow(turn.messageId); // the pipeline's own add, awaited (same job id: a no-op if it already landed)

    // One worker slot: the order it takes jobs in is the queue's order.
    const order: string[] = [];
    const reply = startReplyWorker(h.deps, { concurrency: 1 });
    reply.on('active', (job: Job) => order.push(job.id!));
    await counted((add) => reply.on('completed', () => add(1)), texts + 1, 'replies');
    await reply.close();

    expect(order[0]).toBe(turn.messageId);
    const textIds = await h.deps.db.selectFrom('messages').select('id').where('direction', '=', 'inbound').where('channel', '=', 'sms').orderBy('id').execute();
    // Texts keep their arrival order among themselves.
    expect(order.slice(1)).toEqual(textIds.map((m) => m.id));
  });
});
