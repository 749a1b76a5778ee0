import type { Deps } from '../deps.js';
import { consumeQuota } from './quota.js';
import { texts } from './texts.js';

export type CallAdmission =
  | { allowed: true }
  /** `say` is spoken to the caller (what happened and how to upgrade), then the call is hung up. */
  | { allowed: false; reason: 'not_included' | 'limit_reached'; say: string };

/**
 * Whether a call may go on: charges one `voice_calls` to the caller's plan (premium-only by default).
 * Call it once per call, when the call starts, with the provider's call id: the charge key makes a
 * retried webhook for the same call get the same answer without counting it twice.
 */
export async function admitCall(deps: Pick<Deps, 'db' | 'clock'>, input: { personId: string; callId: string }): Promise<CallAdmission> {
  const decision = await consumeQuota(deps, { personId: input.personId, feature: 'voice_calls', chargeKey: `call:${input.callId}` });
  if (decision.allowed) return { allowed: true };
  if (decision.reason === 'not_included') return { allowed: false, reason: 'not_included', say: texts.voiceNotIncluded() };
  return { allowed: false, reason: 'limit_reached', say: texts.voiceOverQuota(decision) };
}
