import { sql, type Kysely } from 'kysely';

// A reply on a small model costs a few millionths of a dollar: six decimals rounded most of it away.
// Ten decimals keep a tenth of a micro-dollar, so sums over millions of replies stay right.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').alterColumn('cost_usd', (c) => c.setDataType(sql`numeric(16, 10)`)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').alterColumn('cost_usd', (c) => c.setDataType(sql`numeric(12, 6)`)).execute();
}
