import { sql, type Kysely } from 'kysely';

// Usage counters. The period start is part of the key, so a new period is a new row: nothing resets
// counters, no cron is needed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feature_usage')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    // Set once when the person is told they are over quota: at most one notice per period.
    .addColumn('over_quota_notice_at', 'timestamptz')
    .addPrimaryKeyConstraint('feature_usage_pk', ['person_id', 'feature_key', 'period_start'])
    .execute();

  // What each charged thing (a message, a call) was decided, so a re-run job neither counts it twice
  // nor changes its answer.
  await db.schema
    .createTable('quota_charges')
    .addColumn('charge_key', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('feature_key', 'text', (c) => c.notNull())
    .addColumn('admitted', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quota_charges').execute();
  await db.schema.dropTable('feature_usage').execute();
}
