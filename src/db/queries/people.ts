import { sql, type Kysely } from 'kysely';
import type { Database, Message } from '../schema.js';

export interface PersonKeyRow {
  id: string;
  opted_out_at: Date | null;
  disclosed_at: Date | null;
  locale: string | null;
  country: string | null;
  key_id: string;
  wrapped_key: Uint8Array;
  created: boolean;
}

export interface NewPersonRow {
  id: string;
  phoneHash: Buffer;
  phoneEnc: Buffer;
  country: string | null;
  keyId: string;
  wrappedKey: Buffer;
}

/**
 * Finds the person with this phone hash, or creates them with the given (pre-sealed) data key, in one
 * round trip. The second branch reads the statement's snapshot, so it sees people that existed before;
 * the first returns the row this statement created. If a concurrent statement created the same person
 * after our snapshot, ON CONFLICT skips and neither branch returns a row: the caller retries once.
 */
export async function findOrCreatePerson(db: Kysely<Database>, row: NewPersonRow): Promise<PersonKeyRow | undefined> {
  const result = await sql<PersonKeyRow>`
    with created as (
      insert into people (id, phone_hash, phone_enc, country)
      values (${row.id}, ${row.phoneHash}, ${row.phoneEnc}, ${row.country})
      on conflict (phone_hash) do nothing
      returning id, opted_out_at, disclosed_at, locale, country
    ), created_key as (
      insert into data_keys (person_id, key_id, wrapped_key)
      select id, ${row.keyId}, ${row.wrappedKey} from created
      returning person_id
    )
    select c.id, c.opted_out_at, c.disclosed_at, c.locale, c.country,
           ${row.keyId}::text as key_id, ${row.wrappedKey}::bytea as wrapped_key, true as created
      from created c join created_key k on k.person_id = c.id
    union all
    select p.id, p.opted_out_at, p.disclosed_at, p.locale, p.country, k.key_id, k.wrapped_key, false as created
      from people p join data_keys k on k.person_id = p.id
     where p.phone_hash = ${row.phoneHash} and p.deleted_at is null
  `.execute(db);
  return result.rows[0];
}

const PERSON_WITH_KEY = ['p.id', 'p.phone_enc', 'p.opted_out_at', 'p.disclosed_at', 'p.locale', 'p.country', 'p.deleted_at', 'k.key_id', 'k.wrapped_key'] as const;

/** A person with their wrapped data key and sealed phone number, for the workers. */
export async function findPersonWithKey(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('data_keys as k', 'k.person_id', 'p.id')
    .select(PERSON_WITH_KEY)
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

export type PersonWithKey = NonNullable<Awaited<ReturnType<typeof findPersonWithKey>>>;

/**
 * A message and its sender (with their wrapped data key) in one round trip: the reply job's first read.
 * `person` is undefined when the person (or their key) is gone.
 */
export async function findMessageWithPerson(db: Kysely<Database>, messageId: string): Promise<{ message: Message; person?: PersonWithKey } | undefined> {
  const row = await db
    .selectFrom('messages as m')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('data_keys as k', 'k.person_id', 'm.person_id')
    .selectAll('m')
    .select(['p.id as p_id', 'p.phone_enc', 'p.opted_out_at', 'p.disclosed_at', 'p.locale', 'p.country', 'p.deleted_at', 'k.key_id', 'k.wrapped_key'])
    .where('m.id', '=', messageId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { p_id, phone_enc, opted_out_at, disclosed_at, locale, country, deleted_at, key_id, wrapped_key, ...message } = row;
  const person = p_id && phone_enc && key_id && wrapped_key
    ? { id: p_id, phone_enc, opted_out_at, disclosed_at, locale, country, deleted_at, key_id, wrapped_key }
    : undefined;
  return { message, person };
}

/** Sets or clears opt-out. With onlyIfOptedIn, an earlier opt-out is kept; the result says whether a row changed. */
export async function setOptedOut(db: Kysely<Database>, personId: string, at: Date | null, options: { onlyIfOptedIn?: boolean } = {}): Promise<boolean> {
  let query = db.updateTable('people').set({ opted_out_at: at }).where('id', '=', personId);
  if (options.onlyIfOptedIn) query = query.where('opted_out_at', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records that this person was just told they are talking to an AI. */
export async function setDisclosedAt(db: Kysely<Database>, personId: string, at: Date): Promise<void> {
  await db.updateTable('people').set({ disclosed_at: at }).where('id', '=', personId).execute();
}

/** Saves the person's preferred language (voice greets them in it). A no-op when it is already that. */
export async function setLocale(db: Kysely<Database>, personId: string, locale: string): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ locale })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('locale', 'is', null), eb('locale', '!=', locale)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface PersonStateRow {
  id: string;
  opted_out_at: Date | null;
  locale: string | null;
}

/** The changeable part of several people at once (the person cache refreshes it in batches). */
export async function findPeopleState(db: Kysely<Database>, ids: readonly string[]): Promise<PersonStateRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'opted_out_at', 'locale']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}
