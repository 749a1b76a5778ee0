import type { Deps } from '../src/deps.js';
import { IntakeJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

/** `intake`: one batch of stored inbound messages → one `reply` job per message (jobId = message id: repeats are no-ops). */
export function startIntakeWorker(deps: Deps, tuning?: WorkerTuning) {
  return startQueueWorker(deps, 'intake', IntakeJob, async ({ messageIds }) => {
    await deps.queues.reply.addBulk(messageIds.map((messageId) => ({ name: 'reply', data: { messageId }, opts: { jobId: messageId } })));
    return { messages: messageIds.length };
  }, tuning);
}
