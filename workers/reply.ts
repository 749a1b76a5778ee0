import { replyToMessage } from '../src/conversation/reply.js';
import type { Deps } from '../src/deps.js';
import { MessageJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

/** `reply`: history + LLM → a stored reply, then a `send` job. */
export function startReplyWorker(deps: Deps, tuning?: WorkerTuning) {
  return startQueueWorker(deps, 'reply', MessageJob, async ({ messageId }) => {
    const outcome = await replyToMessage(deps, messageId);
    return {
      messageId,
      outcome: outcome.kind,
      ...('replyId' in outcome ? { replyId: outcome.replyId } : {}),
      ...('timings' in outcome ? outcome.timings : {}),
    };
  }, tuning);
}
