import type { Worker } from 'bullmq';
import type { Deps } from '../src/deps.js';
import { startAlertWorker } from './alert.js';
import { startFactsWorker } from './facts.js';
import { startIntakeWorker } from './intake.js';
import { startMaintenanceWorker } from './maintenance.js';
import { startReplyWorker } from './reply.js';
import { startSendWorker } from './send.js';
import { startStripeWorker } from './stripe.js';
import type { WorkerTuning } from './queue-worker.js';

export interface RunningWorkers {
  workers: Worker[];
  /** Finishes active jobs, then stops (SIGTERM). */
  close(): Promise<void>;
}

export async function startWorkers(deps: Deps, tuning?: WorkerTuning): Promise<RunningWorkers> {
  const workers = [
    startIntakeWorker(deps, tuning),
    startReplyWorker(deps, tuning),
    startSendWorker(deps, tuning),
    startFactsWorker(deps, tuning),
    await startMaintenanceWorker(deps, tuning),
    await startStripeWorker(deps, tuning),
    await startAlertWorker(deps, tuning),
  ];
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
