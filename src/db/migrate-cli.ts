import { loadConfig, readEnvironment } from '../config.js';
import { createDb } from './create-db.js';
import { migrateToLatest } from './migrate.js';

// `npm run migrate` (and Fly's release_command): bring the database to the latest schema, then exit.
const config = loadConfig(readEnvironment());
const db = await createDb(config.database);
try {
  const { results } = await migrateToLatest(db);
  for (const r of results ?? []) console.log(`${r.status.padEnd(11)} ${r.migrationName}`);
  if (!results?.length) console.log('Database is up to date.');
} finally {
  await db.destroy();
}
