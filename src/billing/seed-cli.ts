import { loadConfig, readEnvironment } from '../config.js';
import { createDb } from '../db/create-db.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedPlans } from './seed.js';

// `npm run seed`: bring the schema up to date and create the starting plans (safe to run again).
const config = loadConfig(readEnvironment());
const db = await createDb(config.database);
try {
  await migrateToLatest(db);
  const { plansCreated } = await seedPlans(db, config);
  console.log(plansCreated.length ? `Created plans: ${plansCreated.join(', ')}` : 'Plans already present; nothing changed.');
} finally {
  await db.destroy();
}
