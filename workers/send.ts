import { sendMessage } from '../src/conversation/send.js';
import type { Deps } from '../src/deps.js';
import { MessageJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

/** `send`: one outbound message to its provider, retried with backoff, never twice. */
export function startSendWorker(deps: Deps, tuning?: WorkerTuning) {
  return startQueueWorker(deps, 'send', MessageJob, async ({ messageId }) => {
    const outcome = await sendMessage(deps, messageId);
    return { messageId, outcome: outcome.kind, ...('providerMessageId' in outcome ? { providerMessageId: outcome.providerMessageId } : {}) };
  }, tuning);
}
