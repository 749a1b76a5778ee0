import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './names.js';

export type Queues = Record<QueueName, Queue>;

const DAY_S = 86_400;

// Completed jobs are kept a day so a re-add with the same jobId (a duplicate webhook, the sweep) stays
// a no-op; failed ones a week, for the operator to look at.
const KEEP = { removeOnComplete: { age: DAY_S, count: 50_000 }, removeOnFail: { age: 7 * DAY_S } } as const;

const JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  // The LLM step falls back to a canned reply itself, so retries here cover Postgres/Redis hiccups.
  reply: { attempts: 5, backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 }, ...KEEP },
  // Provider outages are usually short; ~8.5 minutes of backoff in all before giving up.
  send: { attempts: 10, backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 }, ...KEEP },
  maintenance: { attempts: 1, removeOnComplete: true, removeOnFail: { age: DAY_S } },
  // An operator's webhook may be down for a while: ~17 minutes of backoff, then the alert sweep retries.
  alert: { attempts: 10, backoff: { type: 'exponential', delay: 2_000, jitter: 0.3 }, ...KEEP },
};

/** Producer-side queues on one shared connection (which fails fast: it is built with enableOfflineQueue false). */
export function createQueues(connection: Redis, prefix: string): Queues {
  const entries = QUEUE_NAMES.map((name) => [
    name,
    new Queue(name, { connection, prefix, defaultJobOptions: JOB_OPTIONS[name] }),
  ]);
  return Object.fromEntries(entries) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
