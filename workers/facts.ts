import { extractFacts } from '../src/conversation/memory/extract.js';
import type { Deps } from '../src/deps.js';
import { MessageJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

/** `facts`: one inbound message → long-term facts (sealed), after its reply is on its way. */
export function startFactsWorker(deps: Deps, tuning?: WorkerTuning) {
  return startQueueWorker(deps, 'facts', MessageJob, async ({ messageId }) => ({ messageId, ...(await extractFacts(deps, messageId)) }), tuning);
}
