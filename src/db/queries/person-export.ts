import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Everything stored about one person, still sealed: the rows a data export opens. */
export async function findPersonRecords(db: Kysely<Database>, personId: string) {
  const [person, messages, facts, calls, subscriptions, crisisEvents] = await Promise.all([
    db
      .selectFrom('people as p')
      .innerJoin('data_keys as k', 'k.person_id', 'p.id')
      .select(['p.id', 'p.phone_enc', 'p.country', 'p.locale', 'p.created_at', 'p.opted_out_at', 'p.disclosed_at', 'k.key_id', 'k.wrapped_key'])
      .where('p.id', '=', personId)
      .where('p.deleted_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('messages')
      .select(['id', 'channel', 'direction', 'status', 'body_enc', 'created_at'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute(),
    db.selectFrom('facts').select(['id', 'body_enc', 'expires_at', 'updated_at']).where('person_id', '=', personId).orderBy('updated_at').execute(),
    db
      .selectFrom('calls')
      .select(['language', 'status', 'started_at', 'ended_at', 'duration_s', 'turns'])
      .where('person_id', '=', personId)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('subscriptions')
      .select(['plan_id', 'status', 'current_period_end', 'cancel_at_period_end'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('crisis_events').select(['category', 'channel', 'created_at']).where('person_id', '=', personId).orderBy('created_at').execute(),
  ]);
  return person ? { person, messages, facts, calls, subscriptions, crisisEvents } : undefined;
}
