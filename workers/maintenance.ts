import { sweepWaitingMessages } from '../src/conversation/sweep.js';
import type { Deps } from '../src/deps.js';
import { MaintenanceJob } from '../src/queue/payloads.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

const SWEEP_SCHEDULER_ID = 'sweep-waiting-messages';

/** `maintenance`: periodic housekeeping, driven by a BullMQ job scheduler (one schedule however many workers run). */
export async function startMaintenanceWorker(deps: Deps, tuning?: WorkerTuning) {
  await deps.queues.maintenance.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: deps.config.worker.sweepIntervalMs }, { name: 'sweep', data: {} });
  return startQueueWorker(deps, 'maintenance', MaintenanceJob, async (_data, job) => {
    if (job.name === 'sweep') return { task: 'sweep', ...(await sweepWaitingMessages(deps)) };
    return { task: job.name, skipped: true };
  }, { ...tuning, concurrency: 1 });
}
