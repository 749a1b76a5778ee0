import { chargeFeature } from '../db/queries/quota.js';
import type { PlanPeriod } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { periodEnd } from './period.js';
import type { FeatureKey } from './seed.js';

export type QuotaDecision =
  | { allowed: true; planId: string | null; limit: number | null; used: number | null }
  | { allowed: false; reason: 'not_included'; planId: string }
  | { allowed: false; reason: 'limit_reached'; planId: string; limit: number; period: PlanPeriod; periodStart: Date; resetsAt: Date };

/**
 * Charges one use of `feature` to the person, or refuses it. One atomic statement (see chargeFeature);
 * the charge key makes a retried job get the same answer without counting twice. With no plan at all
 * (the operator has not seeded or has removed the default plan) nothing is metered.
 */
export async function consumeQuota(deps: Pick<Deps, 'db' | 'clock'>, input: { personId: string; feature: FeatureKey; chargeKey: string }): Promise<QuotaDecision> {
  const row = await chargeFeature(deps.db, { ...input, now: deps.clock.now() });
  if (row.plan_id === null) return { allowed: true, planId: null, limit: null, used: null };
  if (row.period === null || row.period_start === null || row.usage_limit === 0) return { allowed: false, reason: 'not_included', planId: row.plan_id };

  const admitted = row.prior_admitted ?? row.used !== null;
  if (admitted) return { allowed: true, planId: row.plan_id, limit: row.usage_limit, used: row.used };
  const periodStart = new Date(row.period_start);
  return {
    allowed: false,
    reason: 'limit_reached',
    planId: row.plan_id,
    limit: row.usage_limit!,
    period: row.period,
    periodStart,
    resetsAt: periodEnd(row.period, periodStart),
  };
}
