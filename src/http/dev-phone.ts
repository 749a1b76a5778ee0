import { Hono } from 'hono';
import { z } from 'zod';
import { aad, openSealedText, unwrapDataKey } from '../crypto/envelope.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { verifyTwilioSignature } from '../providers/twilio-signature.js';
import { E164 } from '../util/e164.js';
import type { AppEnv } from './env.js';

const Query = z.object({ number: z.string().regex(E164), after: z.uuid().optional() });

/**
 * Dev only (console provider, never in production): lets `npm run phone` read the replies the console
 * provider "sent" to its number. Requests are signed like Twilio webhooks with the dev token, so even a
 * dev box does not hand out decrypted messages to anyone who asks.
 */
export function devPhoneRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/phone/messages', async (c) => {
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
