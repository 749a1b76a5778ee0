import { sql, type Kysely } from 'kysely';

// Only replies have a reply_to_id: a partial unique index keeps inbound inserts (the webhook's hot
// path) from maintaining an index entry they never use.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropConstraint('messages_reply_to_uq').execute();
  await db.schema.createIndex('messages_reply_to_uq').on('messages').column('reply_to_id').unique().where(sql.ref('reply_to_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('messages_reply_to_uq').execute();
  await db.schema.alterTable('messages').addUniqueConstraint('messages_reply_to_uq', ['reply_to_id']).execute();
}
