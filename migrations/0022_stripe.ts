import { sql, type Kysely } from 'kysely';

// Stripe customers, subscriptions, received webhook events, and the SMS notices billing sent.
// Only Stripe ids and states are stored: Stripe knows the person by our person id, never their number.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('billing_customers')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('stripe_customer_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('stripe_subscription_id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('stripe_customer_id', 'text', (c) => c.notNull())
    // Null when the subscription's price matches no plan: it then grants nothing (and is logged).
    .addColumn('plan_id', 'text', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_at_period_end', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('current_period_start', 'timestamptz')
    .addColumn('current_period_end', 'timestamptz')
    .addColumn('livemode', 'boolean', (c) => c.notNull())
    // When the state written here was read from Stripe: an older read never overwrites a newer one.
    .addColumn('synced_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('subscriptions_person_idx').on('subscriptions').column('person_id').execute();

  // One row per Stripe event id: the idempotency key. The payload kept is the minimal projection the
  // worker needs (ids and types), not the event: Stripe objects carry emails and names in clear.
  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('livemode', 'boolean', (c) => c.notNull())
    .addColumn('stripe_created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received', 'processed', 'ignored', 'unmatched', 'failed')`))
    // Why an event was ignored, unmatched or failed, for the operator.
    .addColumn('note', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('stripe_events_waiting_idx')
    .on('stripe_events')
    .column('received_at')
    .where(sql.ref('status'), '=', 'received')
    .execute();

  // Unsolicited billing SMS (subscription active / ended / payment failed), each sent at most once.
  await db.schema
    .createTable('billing_notices')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('billing_notices').execute();
  await db.schema.dropTable('stripe_events').execute();
  await db.schema.dropTable('subscriptions').execute();
  await db.schema.dropTable('billing_customers').execute();
}
