import { Hono } from 'hono';
import { z } from 'zod';
import { aad, openSealedText, unwrapDataKey } from '../crypto/envelope.js';
import { storeSubscriptionState } from '../db/queries/subscriptions.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { verifyTwilioSignature } from '../providers/twilio-signature.js';
import { E164 } from '../util/e164.js';
import type { AppEnv } from './env.js';
import { readSignedTwilioForm } from './twilio-webhook.js';

const Query = z.object({ number: z.string().regex(E164), after: z.uuid().optional() });
const PlanForm = z.object({ number: z.string().regex(E164), plan: z.string().min(1).max(64) });

/**
 * Dev only (console provider, never in production): lets `npm run phone` read the replies the console
 * provider "sent" to its number, and put its number on a plan (calls are Premium-only on the seeded
 * plans, and a dev box has no Stripe to buy it from). Requests are signed like Twilio webhooks with the
 * dev token, so even a dev box does not hand out decrypted messages to anyone who asks.
 */
export function devPhoneRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post('/phone/plan', async (c) => {
      const form = PlanForm.safeParse(await readSignedTwilioForm(c, deps.config.twilio.authToken, deps.config.publicUrl));
      if (!form.success) throw new AppError('bad_request', 'Expected number=<E.164>&plan=<plan id>.');
      const plan = await deps.db.selectFrom('plans').select(['id', 'is_default']).where('id', '=', form.data.plan).executeTakeFirst();
      if (!plan) throw new AppError('bad_request', `There is no plan "${form.data.plan}" (npm start seeds free and premium).`);
      const person = await deps.people.resolve(form.data.number);
      // A stand-in for a Stripe subscription, marked as test mode; back on the default plan it is paused
      // (not canceled, which is final), so the number can be moved again.
      const now = deps.clock.now();
      await storeSubscriptionState(deps.db, {
        stripe_subscription_id: `dev_${person.id}`,
        stripe_customer_id: 'dev',
        person_id: person.id,
        plan_id: plan.id,
        status: plan.is_default ? 'paused' : 'active',
        cancel_at_period_end: false,
        current_period_start: now,
        current_period_end: null,
        livemode: false,
        synced_at: now,
      });
      return c.json({ plan: plan.id });
    })
    .get('/phone/messages', async (c) => {
      const url = new URL(c.req.url);
      if (!verifyTwilioSignature(deps.config.twilio.authToken, c.req.header('x-twilio-signature'), deps.config.publicUrl + url.pathname + url.search, {})) {
        throw new AppError('forbidden', 'Signature is missing or does not match.');
      }
      const query = Query.safeParse(c.req.query());
      if (!query.success) throw new AppError('bad_request', 'Expected ?number=<E.164>&after=<message id>.');

      const person = await deps.db
        .selectFrom('people as p')
        .innerJoin('data_keys as k', 'k.person_id', 'p.id')
        .select(['p.id', 'k.key_id', 'k.wrapped_key'])
        .where('p.phone_hash', '=', deps.people.hash(query.data.number))
        .executeTakeFirst();
      if (!person) return c.json({ messages: [] });

      let rows = deps.db
        .selectFrom('messages')
        .select(['id', 'body_enc', 'status', 'created_at'])
        .where('person_id', '=', person.id)
        .where('direction', '=', 'outbound')
        .where('status', 'not in', ['queued', 'submitting', 'canceled'])
        .orderBy('id')
        .limit(50);
      if (query.data.after) rows = rows.where('id', '>', query.data.after);
      const key = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
      const messages = (await rows.execute()).map((m) => ({ id: m.id, status: m.status, body: openSealedText(key, m.body_enc, aad.messageBody(m.id)) }));
      return c.json({ messages });
    });
}
