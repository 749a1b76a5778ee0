import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database, PlanPeriod } from '../db/schema.js';

/** The features code knows how to charge. Plans decide who gets how much of each. */
export const FEATURES = {
  sms_chat: 'An SMS message answered by the assistant',
  voice_calls: 'A phone call with the assistant',
} as const;
export type FeatureKey = keyof typeof FEATURES;

interface SeedPlan {
  id: string;
  name: string;
  isDefault: boolean;
  /** Feature → limit per period (null: unlimited). A feature left out is not included in the plan. */
  features: Partial<Record<FeatureKey, { limit: number | null; period: PlanPeriod }>>;
}

// The starting catalogue. After the first seed these rows belong to the operator: edit them in the
// database (limits, periods, new plans) and re-seeding will not touch them.
const PLANS: SeedPlan[] = [
  { id: 'free', name: 'Free', isDefault: true, features: { sms_chat: { limit: 100, period: 'month' } } },
  {
    id: 'premium',
    name: 'Premium',
    isDefault: false,
    features: { sms_chat: { limit: null, period: 'month' }, voice_calls: { limit: null, period: 'month' } },
  },
];

export interface SeedResult {
  plansCreated: string[];
}

/**
 * Creates the features and the starting plans, idempotently. A plan's features are written only when the
 * plan itself is created, so an operator's later edits (a changed limit, a removed feature) survive every
 * re-seed. The Premium plan's Stripe price is filled in from STRIPE_PRICE_PREMIUM while it is empty.
 */
export async function seedPlans(db: Kysely<Database>, config: Pick<Config, 'billing'>): Promise<SeedResult> {
  const plansCreated: string[] = [];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('features')
      .values(Object.entries(FEATURES).map(([key, description]) => ({ key, description })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();

    for (const plan of PLANS) {
      const created = await trx
        .insertInto('plans')
        .values({ id: plan.id, name: plan.name, is_default: plan.isDefault })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) continue;
      plansCreated.push(plan.id);
      const features = Object.entries(plan.features).map(([key, f]) => ({ plan_id: plan.id, feature_key: key, usage_limit: f.limit, period: f.period }));
      if (features.length > 0) await trx.insertInto('plan_features').values(features).execute();
    }

    const price = config.billing.stripe?.pricePremium;
    if (price) {
      await trx
        .updateTable('plans')
        .set({ stripe_price_id: price })
        .where('id', '=', 'premium')
        .where('stripe_price_id', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('plans as other').select('other.id').where('other.stripe_price_id', '=', price))))
        .execute();
    }
  });
  return { plansCreated };
}
