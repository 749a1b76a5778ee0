import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../../src/billing/seed.js';
import { createBillingHarness, STRIPE_PRICE_PREMIUM, type BillingHarness } from '../helpers/billing-harness.js';

describe('seedPlans', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    h = await createBillingHarness({ seed: false });
  });
  afterAll(() => h.close());

  const catalogue = () =>
    h.deps.db
      .selectFrom('plans as p')
      .leftJoin('plan_features as pf', 'pf.plan_id', 'p.id')
      .select(['p.id', 'p.is_default', 'p.stripe_price_id', 'pf.feature_key', 'pf.usage_limit', 'pf.period'])
      .orderBy('p.id')
      .orderBy('pf.feature_key')
      .execute();

  it('creates Free (100 SMS a month, no voice) and Premium (unlimited SMS and voice, on the configured price)', async () => {
    expect(await seedPlans(h.deps.db, h.config)).toEqual({ plansCreated: ['free', 'premium'] });
    expect(await catalogue()).toEqual([
      { id: 'free', is_default: true, stripe_price_id: null, feature_key: 'sms_chat', usage_limit: 100, period: 'month' },
      { id: 'premium', is_default: false, stripe_price_id: STRIPE_PRICE_PREMIUM, feature_key: 'sms_chat', usage_limit: null, period: 'month' },
      { id: 'premium', is_default: false, stripe_price_id: STRIPE_PRICE_PREMIUM, feature_key: 'voice_calls', usage_limit: null, period: 'month' },
    ]);
  });

  it('changes nothing when run again, and keeps the operator’s edits', async () => {
    await h.deps.db.updateTable('plan_features').set({ usage_limit: 250, period: 'week' }).where('plan_id', '=', 'free').execute();
    await h.deps.db.deleteFrom('plan_features').where('plan_id', '=', 'premium').where('feature_key', '=', 'voice_calls').execute();
    const edited = await catalogue();
    expect(await seedPlans(h.deps.db, h.config)).toEqual({ plansCreated: [] });
    expect(await catalogue()).toEqual(edited);
  });
});
