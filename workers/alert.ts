import type { Deps } from '../src/deps.js';
import { AlertJob } from '../src/queue/payloads.js';
import { sendCrisisAlert, sweepCrisisAlerts } from '../src/safety/crisis-alert.js';
import { startQueueWorker, type WorkerTuning } from './queue-worker.js';

const ALERT_SWEEP_SCHEDULER_ID = 'sweep-crisis-alerts';

/** `alert`: crisis events posted to the operator's webhook, plus a periodic sweep for alerts still owed. */
export async function startAlertWorker(deps: Deps, tuning?: WorkerTuning) {
  if (deps.config.safety.crisisAlert) {
    await deps.queues.alert.upsertJobScheduler(ALERT_SWEEP_SCHEDULER_ID, { every: deps.config.worker.sweepIntervalMs }, { name: 'sweep', data: {} });
  }
  return startQueueWorker(deps, 'alert', AlertJob, async (data) => {
    if (!('crisisEventId' in data)) return { task: 'sweep', ...(await sweepCrisisAlerts(deps)) };
    const outcome = await sendCrisisAlert(deps, data.crisisEventId);
    return { crisisEventId: data.crisisEventId, outcome: outcome.kind };
  }, tuning);
}
