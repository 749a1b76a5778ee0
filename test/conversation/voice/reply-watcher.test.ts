import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplyWatcher } from '../../../src/conversation/voice/reply-watcher.js';
import { uuidv7 } from '../../../src/util/id.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

describe('reply watcher', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('wakes every waiter on a job when it finishes, and only them', async () => {
    const watcher = h.deps.voice.replies;
    const [id, other] = [uuidv7(), uuidv7()];
    const first = watcher.watch(id);
    const second = watcher.watch(id);
    const unrelated = watcher.watch(other);
    expect(await first.ready(5_000)).toBe(true);

    const worker = new Worker('reply', async () => ({ outcome: 'replied' }), { connection: { url: h.config.redis.url }, prefix: h.queuePrefix });
    try {
      await h.deps.queues.reply.add('reply', { messageId: id }, { jobId: id });
      expect(await first.next(5_000)).toBe(true);
      expect(await second.next(5_000)).toBe(true);
      expect(await unrelated.next(200)).toBe(false);
    } finally {
      for (const w of [first, second, unrelated]) w.close();
      await worker.close();
    }
  });

  it('remembers a finish that came before the waiter asked', async () => {
    const id = uuidv7();
    const watch = h.deps.voice.replies.watch(id);
    await watch.ready(5_000);
    const worker = new Worker('reply', async () => ({}), { connection: { url: h.config.redis.url }, prefix: h.queuePrefix });
    try {
      const done = new Promise((resolve) => worker.on('completed', resolve));
      await h.deps.queues.reply.add('reply', { messageId: id }, { jobId: id });
      await done;
      // Events arrive asynchronously; the signal is kept until next() is called, however late.
      expect(await watch.next(5_000)).toBe(true);
    } finally {
      watch.close();
      await worker.close();
    }
  });

  it('says "not ready" within the budget when Redis is unreachable, instead of hanging the webhook', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    dead.on('error', () => undefined);
    const watcher = createReplyWatcher({ queue: h.deps.queues.reply, redisUrl: 'redis://127.0.0.1:1', redis: dead, log: h.logs.log });
    const watch = watcher.watch(uuidv7());
    const started = performance.now();
    expect(await watch.ready(1_000)).toBe(false);
    expect(await watch.next(100)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
    watch.close();
    await watcher.close();
    dead.disconnect();
    expect(h.logs.text()).toContain('reply watcher could not start');
  });
});
