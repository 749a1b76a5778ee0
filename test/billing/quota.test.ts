import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeQuota } from '../../src/billing/quota.js';
import { admitCall } from '../../src/billing/voice.js';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

describe('quota consumption', () => {
  let h: BillingHarness;
  beforeAll(async () => {
    // A wide pool so the race below really runs on many connections at once.
    h = await createBillingHarness({ env: { DATABASE_POOL_MAX: '24' } });
  });
  afterAll(() => h.close());

  const newPerson = async () => (await h.deps.people.resolve(randomUsNumber())).id;
  const setFreeSmsLimit = (limit: number | null) =>
    h.deps.db.updateTable('plan_features').set({ usage_limit: limit }).where('plan_id', '=', 'free').where('feature_key', '=', 'sms_chat').execute();
  const used = async (personId: string) =>
    (await h.deps.db.selectFrom('feature_usage').select(['used', 'period_start']).where('person_id', '=', personId).where('feature_key', '=', 'sms_chat').execute());
  const subscribe = (personId: string, planId: string, status = 'active') =>
    h.deps.db.insertInto('subscriptions').values({
      stripe_subscription_id: `sub_${personId}_${status}`, person_id: personId, stripe_customer_id: `cus_${personId}`,
      plan_id: planId, status, cancel_at_period_end: false, livemode: false, synced_at: new Date(),
    }).execute();

  it('admits exactly the limit when 100 messages race for a limit of 10', async () => {
    await setFreeSmsLimit(10);
    const personId = await newPerson();
    const decisions = await Promise.all(
      Array.from({ length: 100 }, (_, i) => consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `race-${personId}-${i}` })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect((await used(personId)).map((r) => r.used)).toEqual([10]);
    const refusal = decisions.find((d) => !d.allowed);
    expect(refusal).toMatchObject({ allowed: false, reason: 'limit_reached', limit: 10, period: 'month' });
  });

  it('starts a new period by itself when the clock passes the reset time', async () => {
    await setFreeSmsLimit(2);
    const personId = await newPerson();
    const charge = (n: number) => consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `roll-${personId}-${n}` });
    expect((await charge(1)).allowed).toBe(true);
    expect((await charge(2)).allowed).toBe(true);
    const refused = await charge(3);
    if (refused.allowed || refused.reason !== 'limit_reached') throw new Error(`expected a refusal, got ${JSON.stringify(refused)}`);
    const now = h.clock.now();
    expect(refused.resetsAt.getTime()).toBe(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

    h.clock.advance(refused.resetsAt.getTime() - now.getTime() + 1_000);
    expect((await charge(4)).allowed).toBe(true);
    const rows = await used(personId);
    expect(rows.map((r) => r.used).sort()).toEqual([1, 2]);
    expect(rows.map((r) => r.period_start.toISOString()).sort().at(-1)).toBe(refused.resetsAt.toISOString());
  });

  it('gives a re-run charge the same answer without counting it again', async () => {
    await setFreeSmsLimit(1);
    const personId = await newPerson();
    const first = await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `again-${personId}-a` });
    const again = await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `again-${personId}-a` });
    const other = await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `again-${personId}-b` });
    const otherAgain = await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `again-${personId}-b` });
    expect([first.allowed, again.allowed, other.allowed, otherAgain.allowed]).toEqual([true, true, false, false]);
    expect((await used(personId)).map((r) => r.used)).toEqual([1]);
  });

  it('follows plan data edited in the database, with no code change', async () => {
    await setFreeSmsLimit(0);
    const personId = await newPerson();
    expect(await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `edit-${personId}-1` })).toMatchObject({ allowed: false, reason: 'not_included' });
    await setFreeSmsLimit(null);
    expect(await consumeQuota(h.deps, { personId, feature: 'sms_chat', chargeKey: `edit-${personId}-2` })).toMatchObject({ allowed: true, limit: null });
  });

  it('meters a subscriber by their plan, and a lapsed one by the default plan again', async () => {
    await setFreeSmsLimit(0);
    const active = await newPerson();
    await subscribe(active, 'premium');
    expect(await consumeQuota(h.deps, { personId: active, feature: 'sms_chat', chargeKey: `sub-${active}` })).toMatchObject({ allowed: true, planId: 'premium' });
    const lapsed = await newPerson();
    await subscribe(lapsed, 'premium', 'canceled');
    expect(await consumeQuota(h.deps, { personId: lapsed, feature: 'sms_chat', chargeKey: `sub-${lapsed}` })).toMatchObject({ allowed: false, planId: 'free' });
  });

  describe('admitCall (voice)', () => {
    it('refuses a free caller with a spoken explanation of how to upgrade', async () => {
      const personId = await newPerson();
      const admission = await admitCall(h.deps, { personId, callId: `CA${personId.replace(/-/g, '')}` });
      expect(admission).toMatchObject({ allowed: false, reason: 'not_included' });
      if (!admission.allowed) expect(admission.say).toMatch(/Premium.*UPGRADE.*Goodbye\.$/);
    });

    it('admits a premium caller, once per call however often the call webhook is retried', async () => {
      const personId = await newPerson();
      await subscribe(personId, 'premium');
      const callId = `CA${personId.replace(/-/g, '')}`;
      expect(await admitCall(h.deps, { personId, callId })).toEqual({ allowed: true });
      expect(await admitCall(h.deps, { personId, callId })).toEqual({ allowed: true });
      const counted = await h.deps.db.selectFrom('feature_usage').select('used').where('person_id', '=', personId).where('feature_key', '=', 'voice_calls').execute();
      expect(counted).toEqual([{ used: 1 }]);
    });

    it('tells a caller over a finite call limit when calls open again', async () => {
      await h.deps.db.insertInto('plan_features').values({ plan_id: 'free', feature_key: 'voice_calls', usage_limit: 1, period: 'week' }).execute();
      try {
        const personId = await newPerson();
        expect(await admitCall(h.deps, { personId, callId: `CA1${personId}` })).toEqual({ allowed: true });
        const second = await admitCall(h.deps, { personId, callId: `CA2${personId}` });
        expect(second).toMatchObject({ allowed: false, reason: 'limit_reached' });
        if (!second.allowed) expect(second.say).toMatch(/this week.*open again on [A-Z][a-z]+ \d+/);
      } finally {
        await h.deps.db.deleteFrom('plan_features').where('plan_id', '=', 'free').where('feature_key', '=', 'voice_calls').execute();
      }
    });
  });
});
