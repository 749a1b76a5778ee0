import { findWaitingMessages } from '../db/queries/messages.js';
import type { Deps } from '../deps.js';
import { replyJob, sendJob } from '../queue/enqueue.js';
import { requeueIfLost } from '../queue/requeue.js';

// Bounded so one sweep after a long Redis outage cannot flood the queues; the next sweep takes the rest.
const SWEEP_BATCH = 1_000;

/**
 * Postgres is the source of truth. Any message still waiting on a job after the grace period lost its
 * job (Redis flushed or failed over, a crash between commit and enqueue, a job that exhausted its
 * retries while a dependency was down): give it a fresh one. Jobs that are merely slow are left alone.
 */
export async function sweepWaitingMessages(deps: Deps): Promise<{ requeued: number; checked: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.worker.sweepGraceMs);
  const waiting = await findWaitingMessages(deps.db, cutoff, SWEEP_BATCH);
  let requeued = 0;
  for (const message of waiting) {
    // Anything the sweep finds is at least SWEEP_GRACE_MS old: a caller has long been told to try again
    // (VOICE_TURN_MAX_WAIT_MS), so recovered messages queue behind the callers on the line now.
    const [queue, job] = message.direction === 'inbound' ? [deps.queues.reply, replyJob(message.id, 'backlog')] : [deps.queues.send, sendJob(message.id)];
    if (await requeueIfLost(queue, message.id, () => queue.add(job.name, job.data, job.opts))) requeued++;
  }
  if (requeued > 0) deps.log.info({ requeued, checked: waiting.length }, 'sweep re-enqueued messages whose job was lost');
  return { requeued, checked: waiting.length };
}
