import { QueueEvents, type Queue } from 'bullmq';
import type { Harness } from './harness.js';

const busy = async (queue: Queue) => {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(c).reduce((a, b) => a + b, 0);
};

/**
 * Resolves when the reply and send queues have nothing waiting, running or delayed: every job the test
 * caused has finished, so "exactly one" assertions after it are meaningful. Event-driven, no polling.
 */
export async function waitForQueuesIdle(h: Harness, timeoutMs = 15_000): Promise<void> {
  await h.deps.enqueue.drain();
  const deadline = AbortSignal.timeout(timeoutMs);
  const queues = [h.deps.queues.intake, h.deps.queues.reply, h.deps.queues.send];
  const expired = new Promise<never>((_, reject) =>
    deadline.addEventListener('abort', () => {
      void Promise.all(queues.map(async (q) => `${q.name}: ${JSON.stringify(await q.getJobCounts())} ${JSON.stringify((await q.getJobs(['delayed', 'active', 'waiting'])).map((j) => [j.id, j.failedReason, j.attemptsMade]))}`))
        .then((states) => reject(new Error(`queues still busy after ${timeoutMs} ms: ${states.join('; ')}`)));
    }, { once: true }),
  );
  expired.catch(() => undefined);
  // Read the event stream from its start: an event that lands before the first read is replayed, not lost.
  const watchers = queues.map((queue) => new QueueEvents(queue.name, { connection: { url: h.config.redis.url }, prefix: h.queuePrefix, lastEventId: '0-0' }));
  try {
    await Promise.all(watchers.map((w) => w.waitUntilReady()));
    // Each stage adds the next stage's job (intake → reply → send), so idle means all idle in the same look.
    for (;;) {
      // Listen before looking, so an event between the look and the wait cannot be missed.
      const changed = Promise.race(
        watchers.flatMap((w) => ['drained', 'completed', 'failed', 'added', 'delayed'].map((e) => new Promise<void>((resolve) => w.once(e as 'drained', () => resolve())))),
      );
      const counts = await Promise.all(queues.map(busy));
      if (counts.every((n) => n === 0)) return;
      await Promise.race([changed, expired]);
    }
  } finally {
    await Promise.all(watchers.map((w) => w.close()));
  }
}

/** Resolves with the job's return value once it has finished (event-driven); rejects if it failed. */
export async function waitForJob(h: Harness, queue: keyof Harness['deps']['queues'], jobId: string, timeoutMs = 15_000): Promise<unknown> {
  const events = new QueueEvents(queue, { connection: { url: h.config.redis.url }, prefix: h.queuePrefix, lastEventId: '0-0' });
  try {
    await events.waitUntilReady();
    const job = await h.deps.queues[queue].getJob(jobId);
    if (!job) throw new Error(`no ${queue} job ${jobId}`);
    return await job.waitUntilFinished(events, timeoutMs);
  } finally {
    await events.close();
  }
}
