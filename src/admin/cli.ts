/**
 * `npm run admin -- <command>`: the operator's data requests, run against the configured database.
 *
 *   npm run admin -- export +15551234567 > person.json   everything stored about that number, decrypted
 *   npm run admin -- erase +15551234567 --yes            crypto-shred them (cannot be undone)
 *
 * With embedded PGlite (no DATABASE_URL), stop `npm start` first: PGlite is one process's database.
 */
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../config.js';
import { createDb } from '../db/create-db.js';
import { E164 } from '../util/e164.js';
import { erasePersonData, exportPersonData } from './person-data.js';

const USAGE = 'usage: npm run admin -- export <+E.164 number>\n       npm run admin -- erase <+E.164 number> --yes';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { yes: { type: 'boolean', default: false } } });
const [command, phone] = positionals;
if (!command || !['export', 'erase'].includes(command) || !phone || !E164.test(phone)) {
  console.error(USAGE);
  process.exit(2);
}
if (command === 'erase' && !values.yes) {
  console.error('Erasing cannot be undone: every message, fact and the number itself become unreadable, backups included.\nRun again with --yes.');
  process.exit(2);
}

const config = loadConfig(readEnvironment());
const db = await createDb(config.database);
const ctx = { db, keyring: config.keyring, phoneHashKey: config.phoneHashKey };
try {
  if (command === 'export') {
    const data = await exportPersonData(ctx, phone);
    if (!data) {
      console.error('No one with that number (never texted or called, or erased).');
      process.exitCode = 1;
    } else {
      console.log(JSON.stringify(data, null, 2));
      console.error(`Exported ${data.messages.length} messages, ${data.facts.length} facts, ${data.calls.length} calls.`);
    }
  } else {
    const result = await erasePersonData(ctx, phone, new Date());
    if (!result) {
      console.error('No one with that number (never texted or called, or already erased).');
      process.exitCode = 1;
    } else {
      console.log(`Erased person ${result.personId}: their key is destroyed, ${result.messages} messages are unreadable, ${result.facts} facts deleted, ${result.canceledOutbound} unsent replies canceled.`);
      if (result.billingSubscriptions.length > 0) console.log(`Still billed by Stripe: cancel ${result.billingSubscriptions.join(', ')} in the Stripe dashboard.`);
      console.log('Running web processes forget the number within a minute (their person cache refreshes); a text in that window is stored unreadable and not answered.');
    }
  }
} finally {
  await db.destroy();
}
