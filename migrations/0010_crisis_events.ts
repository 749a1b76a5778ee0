import { sql, type Kysely } from 'kysely';

// Crisis events: what was detected, never what was written. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crisis_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // The inbound message that was answered (its body is sealed in messages; nothing readable here).
    .addColumn('message_id', 'uuid', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    // Set once the operator's alert webhook accepted the alert; null = still owed (the alert sweep retries).
    .addColumn('alerted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // "Was there a crisis in this conversation lately?" — asked by every reply.
  await db.schema.createIndex('crisis_events_person_created_idx').on('crisis_events').columns(['person_id', 'created_at desc']).execute();
  // The alert sweep's work list stays tiny: only alerts still owed.
  await db.schema.createIndex('crisis_events_unalerted_idx').on('crisis_events').column('created_at').where(sql.ref('alerted_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crisis_events').execute();
}
