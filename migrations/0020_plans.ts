import { sql, type Kysely } from 'kysely';

// Plans and what each one includes. Plans and limits are data: the operator edits these rows (or the seed
// script creates them); no code names a limit. Frozen once landed: change the schema with a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The plan everyone without a paying subscription is on.
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    // The Stripe price that puts a subscriber on this plan (null: not sold through Stripe).
    .addColumn('stripe_price_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plans_one_default_uq').on('plans').column('is_default').unique().where(sql.ref('is_default'), '=', true).execute();

  await db.schema
    .createTable('features')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();

  // A row means the plan includes the feature; no row means it does not. usage_limit null = unlimited.
  await db.schema
    .createTable('plan_features')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('feature_key', 'text', (c) => c.notNull().references('features.key').onDelete('cascade'))
    .addColumn('usage_limit', 'integer', (c) => c.check(sql`usage_limit >= 0`))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('day', 'week', 'month')`))
    .addPrimaryKeyConstraint('plan_features_pk', ['plan_id', 'feature_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_features').execute();
  await db.schema.dropTable('features').execute();
  await db.schema.dropTable('plans').execute();
}
