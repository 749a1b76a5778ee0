import { sql, type Kysely } from 'kysely';

// Voice calls: one row per provider call. Nothing readable about the person: their id, our number, the
// language spoken, timings and counts. Frozen once landed: change the schema with a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('call_sid', 'text', (c) => c.notNull())
    // Null only for a status callback about a call we never saw start (a hidden number, a crash).
    .addColumn('person_id', 'uuid', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('service_number', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('duration_s', 'integer')
    // Conversation turns recorded (speech that reached the pipeline), not counting silences or goodbyes.
    .addColumn('turns', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('calls_pk', ['provider', 'call_sid'])
    .execute();

  // A person's calls, newest first (export, erasure, per-person usage).
  await db.schema.createIndex('calls_person_started_idx').on('calls').columns(['person_id', 'started_at desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calls').execute();
}
