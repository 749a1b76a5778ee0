import { sql, type Kysely } from 'kysely';

// People and their wrapped data keys. Frozen once landed: change the schema with a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('phone_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('phone_enc', 'bytea', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('locale', 'text')
    .addColumn('opted_out_at', 'timestamptz')
    .addColumn('disclosed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();

  // One row per person; deleting it crypto-shreds everything sealed under the key.
  await db.schema
    .createTable('data_keys')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_keys').execute();
  await db.schema.dropTable('people').execute();
}
