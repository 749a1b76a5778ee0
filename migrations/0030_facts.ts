import { sql, type Kysely } from 'kysely';

// Long-term memory: small facts a person shared. Nothing in clear but timing: the fact's topic is an
// HMAC under a key derived from the person's data key (so upserts find "the same fact" without
// revealing it), and the fact itself is sealed under the data key with the row id as AAD.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('key_hash', 'bytea', (c) => c.notNull())
    .addColumn('body_enc', 'bytea', (c) => c.notNull())
    // Null: stable (a due date, a diet). Set: a passing state (a symptom) that fades.
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('facts_person_key_uq', ['person_id', 'key_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('facts').execute();
}
