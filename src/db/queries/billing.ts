import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { ENTITLED_STATUSES } from './quota.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findCustomerId(db: Db, personId: string): Promise<string | undefined> {
  const row = await db.selectFrom('billing_customers').select('stripe_customer_id').where('person_id', '=', personId).executeTakeFirst();
  return row?.stripe_customer_id;
}

export async function findPersonIdByCustomer(db: Db, customerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('billing_customers').select('person_id').where('stripe_customer_id', '=', customerId).executeTakeFirst();
  return row?.person_id;
}

/** Links a Stripe customer to a person; the first link wins (a person has one customer). */
export async function linkCustomer(db: Db, personId: string, customerId: string): Promise<void> {
  await db.insertInto('billing_customers').values({ person_id: personId, stripe_customer_id: customerId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Drops a link to a customer Stripe no longer knows (deleted, or from the other mode), so a new one is made. */
export async function forgetCustomer(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('billing_customers').where('person_id', '=', personId).execute();
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('id').where('id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** The person's plan now: their entitled subscription's plan, else the default plan. */
export async function findCurrentPlan(db: Db, personId: string) {
  const subscribed = await db
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .select(['p.id', 'p.name', 'p.is_default'])
    .where('s.person_id', '=', personId)
    .where('s.status', 'in', [...ENTITLED_STATUSES])
    .orderBy('s.updated_at', 'desc')
    .executeTakeFirst();
  return subscribed ?? db.selectFrom('plans').select(['id', 'name', 'is_default']).where('is_default', '=', true).executeTakeFirst();
}

/** How much of a feature the person used in the period starting at `periodStart`, with their plan's limit. */
export async function findUsage(db: Db, input: { personId: string; planId: string; feature: string; now: Date }) {
  return db
    .selectFrom('plan_features as pf')
    .leftJoin('feature_usage as u', (join) =>
      join
        .on('u.person_id', '=', input.personId)
        .onRef('u.feature_key', '=', 'pf.feature_key')
        .on('u.period_start', '=', sql<Date>`date_trunc(pf.period, ${input.now}::timestamptz, 'UTC')`),
    )
    .select(['pf.usage_limit', 'pf.period', 'u.used'])
    .where('pf.plan_id', '=', input.planId)
    .where('pf.feature_key', '=', input.feature)
    .executeTakeFirst();
}

/** Where a text to this person goes out from: the service number (and provider) they last texted, else last reached. */
export async function findLastServiceNumber(db: Db, personId: string) {
  return db
    .selectFrom('messages')
    .select(['service_number', 'provider'])
    .where('person_id', '=', personId)
    .where('direction', '=', 'inbound')
    .orderBy(sql`channel = 'sms'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
