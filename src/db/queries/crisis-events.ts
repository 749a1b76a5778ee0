import type { Kysely } from 'kysely';
import type { Channel, Database } from '../schema.js';

export interface NewCrisisEvent {
  id: string;
  person_id: string;
  message_id: string;
  channel: Channel;
  category: string;
  confidence: number;
  created_at: Date;
}

export async function insertCrisisEvent(db: Kysely<Database>, event: NewCrisisEvent): Promise<void> {
  await db.insertInto('crisis_events').values(event).execute();
}

/** The person's latest crisis event since `since`, if any: the reply worker asks on every reply. */
export async function latestCrisisSince(db: Kysely<Database>, personId: string, since: Date) {
  return db
    .selectFrom('crisis_events')
    .select(['category', 'created_at'])
    .where('person_id', '=', personId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** An event with what the operator's alert carries: ids, category, confidence and the person's country. Never text. */
export async function findCrisisEventForAlert(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('crisis_events as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'e.message_id', 'e.channel', 'e.category', 'e.confidence', 'e.alerted_at', 'e.created_at', 'p.country'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function markCrisisAlerted(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('crisis_events').set({ alerted_at: at }).where('id', '=', id).where('alerted_at', 'is', null).execute();
}

/** Events whose alert is still owed, created between `from` and `to` (older ones are given up on). */
export async function findUnalertedCrisisEvents(db: Kysely<Database>, from: Date, to: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('crisis_events')
    .select('id')
    .where('alerted_at', 'is', null)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
