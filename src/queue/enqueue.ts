import type { JobsOptions } from 'bullmq';
import { INTAKE_MAX_IDS } from './payloads.js';
import type { Queues } from './queues.js';
import { createBatcher } from '../util/batcher.js';

/**
 * Producers for the webhook path and the workers.
 *
 * `reply` does not add one BullMQ job per message from the web process: the messages stored by one
 * INSERT batch go into a single `intake` job (ids only), and the intake worker fans it out into one
 * `reply` job per message (jobId = message id, so a repeat is a no-op). Adding a BullMQ job is one Lua
 * script in Redis plus encoding on our side; per batch instead of per message, the web tier's cost of a
 * webhook stays close to "parse, verify, one INSERT" (see bench/README.md).
 */
/**
 * A caller on the line is answered before a backlog of texts. BullMQ takes a job with no priority (the
 * plain wait list) before any prioritized one, so a voice turn's reply job gets none and a text's gets
 * this; texts stay first-in, first-out among themselves. (Jobs already running are not pre-empted: with
 * every worker slot busy, a caller still waits for the first slot to free.)
 */
export const SMS_REPLY_PRIORITY = 10;

/** A `reply` job for one inbound message: job id = message id, so adding it twice is a no-op. */
export function replyJob(messageId: string, urgency: 'caller-waiting' | 'backlog') {
  const opts: JobsOptions = urgency === 'backlog' ? { jobId: messageId, priority: SMS_REPLY_PRIORITY } : { jobId: messageId };
  return { name: 'reply', data: { messageId }, opts };
}

/** A `send` job for one outbound message: job id = message id, so adding it twice is a no-op. */
export const sendJob = (messageId: string) => ({ name: 'send', data: { messageId }, opts: { jobId: messageId } });

export interface Enqueue {
  /** Batched through one `intake` job per batch: for messages nobody is waiting on (SMS). */
  reply(messageId: string): Promise<void>;
  /** The `reply` job itself, at once: for a caller waiting on the line (one queue hop fewer). */
  replyNow(messageId: string): Promise<void>;
  send(messageId: string): Promise<void>;
  /** Resolves when every add submitted so far has reached Redis (or failed). */
  drain(): Promise<void>;
}

export function createEnqueue(queues: Queues): Enqueue {
  const intake = createBatcher<string, void>({
    maxBatch: INTAKE_MAX_IDS,
    maxInFlight: 2,
    run: async (messageIds) => {
      await queues.intake.add('intake', { messageIds });
      return messageIds.map(() => undefined);
    },
  });
  const send = createBatcher<string, void>({
    maxBatch: 200,
    maxInFlight: 2,
    run: async (ids) => {
      await queues.send.addBulk(ids.map(sendJob));
      return ids.map(() => undefined);
    },
  });
  return {
    reply: (id) => intake.submit(id),
    replyNow: async (id) => {
      const job = replyJob(id, 'caller-waiting');
      await queues.reply.add(job.name, job.data, job.opts);
    },
    send: (id) => send.submit(id),
    drain: async () => {
      await Promise.all([intake.drain(), send.drain()]);
    },
  };
}
