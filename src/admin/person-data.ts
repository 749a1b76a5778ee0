import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import { aad, openSealedText, unwrapDataKey } from '../crypto/envelope.js';
import { hashPhone } from '../crypto/phone.js';
import { shredPerson, type ShredResult } from '../db/queries/erasure.js';
import { findPersonRecords } from '../db/queries/person-export.js';
import type { Database } from '../db/schema.js';

/**
 * The operator's answers to "send me my data" and "forget me" (GDPR articles 15 and 17, and the like).
 * Both find the person by their number, the only handle a person has on the service.
 */
export interface PersonDataContext {
  db: Kysely<Database>;
  keyring: Keyring;
  phoneHashKey: Buffer;
}

async function findPersonId(ctx: PersonDataContext, phone: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('phone_hash', '=', hashPhone(ctx.phoneHashKey, phone))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** Everything stored about the person with this number, opened: undefined when there is no such person. */
export async function exportPersonData(ctx: PersonDataContext, phone: string) {
  const personId = await findPersonId(ctx, phone);
  const records = personId ? await findPersonRecords(ctx.db, personId) : undefined;
  if (!records) return undefined;
  const { person } = records;
  const key = unwrapDataKey(ctx.keyring, person.id, person.key_id, person.wrapped_key);
  return {
    person: {
      id: person.id,
      phone: openSealedText(key, person.phone_enc, aad.phone(person.id)),
      country: person.country,
      locale: person.locale,
      optedOutAt: person.opted_out_at,
      aiDisclosedAt: person.disclosed_at,
    },
    messages: records.messages.map((m) => ({
      id: m.id,
      at: m.created_at,
      channel: m.channel,
      direction: m.direction,
      status: m.status,
      text: openSealedText(key, m.body_enc, aad.messageBody(m.id)),
    })),
    facts: records.facts.map((f) => ({ ...(JSON.parse(openSealedText(key, f.body_enc, aad.fact(f.id))) as object), updatedAt: f.updated_at, expiresAt: f.expires_at })),
    calls: records.calls,
    subscriptions: records.subscriptions,
    crisisEvents: records.crisisEvents,
  };
}

/** Crypto-shreds the person with this number (see shredPerson): undefined when there is no such person. */
export async function erasePersonData(ctx: PersonDataContext, phone: string, now: Date): Promise<(ShredResult & { personId: string }) | undefined> {
  const personId = await findPersonId(ctx, phone);
  const result = personId ? await shredPerson(ctx.db, personId, now) : undefined;
  return result && personId ? { ...result, personId } : undefined;
}
