import { QueueEvents, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Log } from '../../log.js';

/**
 * Tells a voice webhook when the `reply` job of its turn has finished, so it can answer the moment the
 * reply is stored instead of polling. One listener per process (a BullMQ QueueEvents on the reply queue:
 * one blocking Redis connection, opened on the first call), fanned out to the webhooks waiting on it.
 * It only says "look again": the reply itself is always read from Postgres.
 */
export interface ReplyWatcher {
  watch(messageId: string): ReplyWatch;
  close(): Promise<void>;
}

export interface ReplyWatch {
  /** True once the listener is live: from then on no event for this job can be missed. False if not in time. */
  ready(timeoutMs: number): Promise<boolean>;
  /** True when the job finished (or failed an attempt) since the last call; false after timeoutMs. */
  next(timeoutMs: number): Promise<boolean>;
  close(): void;
}

interface Waiter {
  signalled: boolean;
  wake?: () => void;
}

export interface ReplyWatcherOptions {
  queue: Queue;
  redisUrl: string;
  /** The producer connection, for one read of the events stream's position at start. */
  redis: Redis;
  log: Log;
}

function within<T>(promise: Promise<T>, timeoutMs: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), Math.max(0, timeoutMs))));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createReplyWatcher(options: ReplyWatcherOptions): ReplyWatcher {
  const waiters = new Map<string, Set<Waiter>>();
  let listening: Promise<void> | undefined;
  let events: QueueEvents | undefined;
  let connection: Redis | undefined;
  let closed = false;

  const signal = ({ jobId }: { jobId: string }) => {
    for (const waiter of waiters.get(jobId) ?? []) {
      waiter.signalled = true;
      waiter.wake?.();
    }
  };

  const listen = () =>
    (listening ??= (async () => {
      // Start reading right after the stream's current last event, so an event that lands between this
      // read and the first blocking XREAD is still delivered (the default '$' would skip it).
      const [last] = await options.redis.xrevrange(options.queue.keys.events!, '+', '-', 'COUNT', 1);
      if (closed) throw new Error('reply watcher closed');
      connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      events = new QueueEvents(options.queue.name, { connection, prefix: options.queue.opts.prefix, lastEventId: last?.[0] ?? '0-0' });
      events.on('completed', signal);
      events.on('failed', signal);
      events.on('error', (error) => options.log.warn({ err: error.message }, 'reply watcher: events connection error'));
      await events.waitUntilReady();
    })().catch((error: Error) => {
      // Try again on the next call; meanwhile waiters fall back to reading Postgres at their deadline.
      void events?.close().catch(() => undefined);
      connection?.disconnect();
      [events, connection, listening] = [undefined, undefined, undefined];
      options.log.warn({ err: error.message }, 'reply watcher could not start');
      throw error;
    }));

  return {
    watch(messageId) {
      const waiter: Waiter = { signalled: false };
      const set = waiters.get(messageId) ?? new Set();
      set.add(waiter);
      waiters.set(messageId, set);
      return {
        ready: (timeoutMs) => within(listen().then(() => true, () => false), timeoutMs, false),
        next(timeoutMs) {
          if (waiter.signalled) {
            waiter.signalled = false;
            return Promise.resolve(true);
          }
          return within(new Promise<boolean>((resolve) => (waiter.wake = () => resolve(true))), timeoutMs, false).finally(() => {
            waiter.wake = undefined;
            waiter.signalled = false;
          });
        },
        close() {
          set.delete(waiter);
          if (set.size === 0 && waiters.get(messageId) === set) waiters.delete(messageId);
        },
      };
    },

    async close() {
      closed = true;
      await events?.close();
      connection?.disconnect();
    },
  };
}
