import { findCrisisEventForAlert, findUnalertedCrisisEvents, markCrisisAlerted } from '../db/queries/crisis-events.js';
import type { Deps } from '../deps.js';
import { ALERT_SIGNATURE_HEADER, signAlert } from './alert-signature.js';
import { requeueIfLost } from '../queue/requeue.js';

export type AlertOutcome = { kind: 'sent'; status: number } | { kind: 'already_sent' } | { kind: 'missing' } | { kind: 'not_configured' };

// Alerts are for acting now; one that could not be delivered within a day is left for the operator's
// dashboard (the crisis_events row) instead of being retried forever.
const ALERT_GIVE_UP_MS = 86_400_000;
const SWEEP_BATCH = 100;

/** Queues the alert for a crisis event. Never awaited on the webhook path; the alert sweep covers a lost add. */
export async function enqueueCrisisAlert(deps: Deps, crisisEventId: string): Promise<void> {
  if (!deps.config.safety.crisisAlert) return;
  await deps.queues.alert.add('alert', { crisisEventId }, { jobId: crisisEventId });
}

/**
 * The `alert` job: POST one crisis event to CRISIS_ALERT_URL, signed. The body has ids, category,
 * confidence and country: never the message, never the number. Idempotent through `alerted_at`
 * (a receiver may still see a duplicate after a crash between its 2xx and our write: dedupe on `id`).
 */
export async function sendCrisisAlert(deps: Deps, crisisEventId: string): Promise<AlertOutcome> {
  const target = deps.config.safety.crisisAlert;
  if (!target) return { kind: 'not_configured' };
  const event = await findCrisisEventForAlert(deps.db, crisisEventId);
  if (!event) return { kind: 'missing' };
  if (event.alerted_at) return { kind: 'already_sent' };

  const body = JSON.stringify({
    type: 'crisis.detected',
    id: event.id,
    personId: event.person_id,
    messageId: event.message_id,
    channel: event.channel,
    category: event.category,
    confidence: event.confidence,
    country: event.country,
    createdAt: event.created_at.toISOString(),
  });
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [ALERT_SIGNATURE_HEADER]: signAlert(target.secret, body, deps.clock.now()) },
    body,
    signal: AbortSignal.timeout(target.timeoutMs),
  });
  await response.body?.cancel();
  // Any refusal is retried with backoff: a receiver that is wrong today is usually fixed by the operator soon.
  if (!response.ok) throw new Error(`crisis alert webhook answered ${response.status}`);
  await markCrisisAlerted(deps.db, event.id, deps.clock.now());
  return { kind: 'sent', status: response.status };
}

/** Re-queues alerts still owed (Redis lost the job, or it ran out of retries) from the last day. */
export async function sweepCrisisAlerts(deps: Deps): Promise<{ requeued: number }> {
  if (!deps.config.safety.crisisAlert) return { requeued: 0 };
  const now = deps.clock.now().getTime();
  const ids = await findUnalertedCrisisEvents(deps.db, new Date(now - ALERT_GIVE_UP_MS), new Date(now - deps.config.worker.sweepGraceMs), SWEEP_BATCH);
  let requeued = 0;
  for (const id of ids) {
    if (await requeueIfLost(deps.queues.alert, id, () => enqueueCrisisAlert(deps, id))) requeued++;
  }
  if (requeued > 0) deps.log.info({ requeued }, 'alert sweep re-enqueued crisis alerts still owed');
  return { requeued };
}
