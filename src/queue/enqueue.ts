import type { Queues } from './queues.js';
import { createBatcher, type Batcher } from '../util/batcher.js';

/**
 * Adds message jobs (jobId = message id, so a second add of the same message is a no-op). Adds made in
 * the same moment share one Redis round trip via addBulk.
 */
export interface Enqueue {
  reply(messageId: string): Promise<void>;
  send(messageId: string): Promise<void>;
  /** Resolves when every add submitted so far has reached Redis (or failed). */
  drain(): Promise<void>;
}

// addBulk sends one MULTI; past a few hundred jobs a batch stops getting cheaper per job.
const MAX_BATCH = 200;

function messageJobBatcher(queues: Queues, name: 'reply' | 'send'): Batcher<string, void> {
  return createBatcher<string, void>({
    maxBatch: MAX_BATCH,
    maxInFlight: 2,
    run: async (ids) => {
      await queues[name].addBulk(ids.map((messageId) => ({ name, data: { messageId }, opts: { jobId: messageId } })));
      return ids.map(() => undefined);
    },
  });
}

export function createEnqueue(queues: Queues): Enqueue {
  const reply = messageJobBatcher(queues, 'reply');
  const send = messageJobBatcher(queues, 'send');
  return {
    reply: (id) => reply.submit(id),
    send: (id) => send.submit(id),
    drain: async () => {
      await Promise.all([reply.drain(), send.drain()]);
    },
  };
}
