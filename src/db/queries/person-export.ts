import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { findPersonWithKey } from './people.js';

/** Everything stored about one person, still sealed: the rows a data export opens. */
export async function findPersonRecords(db: Kysely<Database>, personId: string) {
  const [person, messages, facts, calls, subscriptions, crisisEvents] = await Promise.all([
    findPersonWithKey(db, personId),
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
  return person && !person.deleted_at ? { person, messages, facts, calls, subscriptions, crisisEvents } : undefined;
}
