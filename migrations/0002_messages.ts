import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'voice')`))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound', 'outbound')`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('service_number', 'text', (c) => c.notNull())
    .addColumn('reply_to_id', 'uuid', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('body_enc', 'bytea', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('model', 'text')
    .addColumn('prompt_tokens', 'integer')
    .addColumn('completion_tokens', 'integer')
    .addColumn('cost_usd', sql`numeric(12, 6)`)
    .addColumn('send_started_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Dedupe: a provider retry or a double-posted webhook hits this and is dropped.
    .addUniqueConstraint('messages_provider_message_uq', ['provider', 'provider_message_id'])
    // One reply per inbound message, even if two workers race on the same job.
    .addUniqueConstraint('messages_reply_to_uq', ['reply_to_id'])
    .execute();

  // Recent history of a person, newest first.
  await db.schema.createIndex('messages_person_created_idx').on('messages').columns(['person_id', 'created_at desc']).execute();
  // The sweep's work list stays tiny: only rows still waiting on a job.
  await db.schema
    .createIndex('messages_waiting_idx')
    .on('messages')
    .column('created_at')
    .where(sql.ref('status'), 'in', ['pending', 'queued', 'submitting'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('messages').execute();
}
