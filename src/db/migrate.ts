import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as m0001 from '../../migrations/0001_people.js';
import * as m0002 from '../../migrations/0002_messages.js';
import * as m0010 from '../../migrations/0010_crisis_events.js';

/**
 * Migrations are listed here rather than read from the folder at run time: a static import works the
 * same under tsx, vitest and a compiled build (FileMigrationProvider's dynamic import does not).
 * Add each new file to this list; names sort, and the list order must match.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_people': m0001,
  '0002_messages': m0002,
  '0010_crisis_events': m0010,
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
