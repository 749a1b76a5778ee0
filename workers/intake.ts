import type { Deps } from '../src/deps.js';
import { replyJob } from '../src/queue/enqueue.js';
import { IntakeJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

/** `intake`: one batch of stored texts → one `reply` job per message (jobId = message id: repeats are no-ops), queued behind callers. */
export function startIntakeWorker(deps: Deps, tuning?: WorkerTuning) {
  return startQueueWorker(deps, 'intake', IntakeJob, async ({ messageIds }) => {
    await deps.queues.reply.addBulk(messageIds.map((messageId) => replyJob(messageId, 'backlog')));
    return { messages: messageIds.length };
  }, tuning);
}
