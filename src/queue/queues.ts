import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './names.js';

export type Queues = Record<QueueName, Queue>;

const DAY_S = 86_400;

// Completed jobs are kept a day so a re-add with the same jobId (a duplicate webhook, the sweep) stays
// a no-op; failed ones a week, for the operator to look at.
const KEEP = { removeOnComplete: { age: DAY_S, count: 50_000 }, removeOnFail: { age: 7 * DAY_S } } as const;

const JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  // Fan-out only touches Redis; if it keeps failing, the sweep re-enqueues the messages from Postgres.
  intake: { attempts: 10, backoff: { type: 'exponential', delay: 500, jitter: 0.3 }, removeOnComplete: { age: 3_600, count: 1_000 }, removeOnFail: { age: DAY_S } },
  // The LLM step falls back to a canned reply itself, so retries here cover Postgres/Redis hiccups.
  reply: { attempts: 5, backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 }, ...KEEP },
  // Provider outages are usually short; ~8.5 minutes of backoff in all before giving up.
  send: { attempts: 10, backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 }, ...KEEP },
  maintenance: { attempts: 1, removeOnComplete: true, removeOnFail: { age: DAY_S } },
  // Stripe API calls (re-reading a subscription): ~4 minutes of backoff in all, then the stripe sweep queues it again.
  stripe: { attempts: 8, backoff: { type: 'exponential', delay: 2_000, jitter: 0.3 }, ...KEEP },
  // Best effort: LLM failures end the job normally; retries cover only Postgres/Redis hiccups.
  facts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000, jitter: 0.3 }, ...KEEP },
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
