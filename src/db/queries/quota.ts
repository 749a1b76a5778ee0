import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PlanPeriod } from '../schema.js';

/** Subscription states that grant their plan. past_due keeps access while Stripe retries the payment. */
export const ENTITLED_STATUSES = ['active', 'trialing', 'past_due'] as const;

export interface ChargeRow {
  /** The person's plan; null when no plan exists at all (no default plan: quotas are off). */
  plan_id: string | null;
  /** Null when the plan does not include the feature. */
  period: PlanPeriod | null;
  usage_limit: number | null;
  period_start: Date | null;
  /** The counter after this charge; null when nothing was counted (over the limit, or a re-run). */
  used: number | null;
  /** The earlier decision when this charge key was already decided (a re-run job). */
  prior_admitted: boolean | null;
}

/**
 * Charges one use of a feature in ONE statement: finds the person's plan (their entitled subscription's,
 * else the default), its limit and period for the feature, then increments the usage row for the current
 * period only while it is under the limit. Postgres re-checks `used < limit` on the locked row under
 * ON CONFLICT DO UPDATE, so N concurrent charges on a limit of L admit exactly L, with no read-then-write.
 * The period start is part of the key, so a new period starts at zero by itself.
 * The charge key (a message id, a call sid) is recorded with the decision: a re-run returns the same
 * answer and counts nothing.
 */
export async function chargeFeature(db: Kysely<Database>, input: { personId: string; feature: string; chargeKey: string; now: Date }): Promise<ChargeRow> {
  const { personId, feature, chargeKey, now } = input;
  const { rows } = await sql<ChargeRow>`
    with plan as (
      select coalesce(
        (select s.plan_id from subscriptions s
          where s.person_id = ${personId} and s.plan_id is not null and s.status in (${sql.join([...ENTITLED_STATUSES])})
          order by s.updated_at desc limit 1),
        (select p.id from plans p where p.is_default)
      ) as plan_id
    ), entitlement as (
      select pf.usage_limit, pf.period, date_trunc(pf.period, ${now}::timestamptz, 'UTC') as period_start
        from plan join plan_features pf on pf.plan_id = plan.plan_id and pf.feature_key = ${feature}
    ), prior as (
      select admitted from quota_charges where charge_key = ${chargeKey}
    ), counted as (
      insert into feature_usage as u (person_id, feature_key, period_start, used)
      select ${personId}, ${feature}, e.period_start, 1 from entitlement e
       where not exists (select 1 from prior) and (e.usage_limit is null or e.usage_limit > 0)
      on conflict (person_id, feature_key, period_start) do update set used = u.used + 1
       where (select e.usage_limit from entitlement e) is null or u.used < (select e.usage_limit from entitlement e)
      returning u.used
    ), charged as (
      insert into quota_charges (charge_key, person_id, feature_key, admitted)
      select ${chargeKey}, ${personId}, ${feature}, exists (select 1 from counted) from entitlement
       where not exists (select 1 from prior)
      on conflict (charge_key) do nothing
    )
    select plan.plan_id, e.period, e.usage_limit, e.period_start,
           (select c.used from counted c) as used, (select p.admitted from prior p) as prior_admitted
      from plan left join entitlement e on true
  `.execute(db);
  return rows[0]!;
}

/**
 * Marks that the person has been told they are over quota for this period. True for exactly one caller
 * per (person, feature, period): the one that should send the notice.
 */
export async function claimOverQuotaNotice(db: Kysely<Database> | Transaction<Database>, input: { personId: string; feature: string; periodStart: Date; now: Date }): Promise<boolean> {
  const claimed = await db
    .insertInto('feature_usage')
    .values({ person_id: input.personId, feature_key: input.feature, period_start: input.periodStart, used: 0, over_quota_notice_at: input.now })
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'feature_key', 'period_start'])
        .doUpdateSet({ over_quota_notice_at: input.now })
        .where('feature_usage.over_quota_notice_at', 'is', null),
    )
    .returning('person_id')
    .executeTakeFirst();
  return claimed !== undefined;
}
