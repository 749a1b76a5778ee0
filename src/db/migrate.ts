import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as m0001 from '../../migrations/0001_people.js';
import * as m0002 from '../../migrations/0002_messages.js';
import * as m0003 from '../../migrations/0003_reply_to_partial_index.js';
import * as m0010 from '../../migrations/0010_crisis_events.js';
import * as m0020 from '../../migrations/0020_plans.js';
import * as m0021 from '../../migrations/0021_feature_usage.js';
import * as m0022 from '../../migrations/0022_stripe.js';
import * as m0030 from '../../migrations/0030_facts.js';
import * as m0031 from '../../migrations/0031_message_cost_precision.js';
import * as m0040 from '../../migrations/0040_calls.js';

/**
 * Migrations are listed here rather than read from the folder at run time: a static import works the
 * same under tsx, vitest and a compiled build (FileMigrationProvider's dynamic import does not).
 * Add each new file to this list; names sort, and the list order must match.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_people': m0001,
  '0002_messages': m0002,
  '0003_reply_to_partial_index': m0003,
  '0010_crisis_events': m0010,
  '0020_plans': m0020,
  '0021_feature_usage': m0021,
  '0022_stripe': m0022,
  '0030_facts': m0030,
  '0031_message_cost_precision': m0031,
  '0040_calls': m0040,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: pin it to ours, so two
  // deployments (or test runs) sharing a database in different schemas never see each other's.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const result = await new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema }).migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
