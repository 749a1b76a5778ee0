import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

/**
 * The zero-setup default: with DATABASE_URL unset the service runs on embedded PGlite, with the same
 * migrations and queries. One whole conversation proves the adapter (pglite-pool.ts) holds up: batched
 * inserts, data-modifying CTEs, transactions, forward-only status updates.
 */
describe('embedded PGlite (DATABASE_URL unset)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { DATABASE_URL: undefined, PGLITE_DIR: 'memory://' } });
    await h.startWorkers();
  }, 60_000);
  afterAll(() => h.close());

  it('runs the migrations, and running them again changes nothing', async () => {
    const again = await migrateToLatest(h.deps.db);
    expect(again.results).toEqual([]);
  });

  it('answers a text end to end, storing it sealed, deduplicating a replayed webhook', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'text', text: 'Hello from PGlite.' });
    const sid = `SM${'b'.repeat(32)}`;
    const [first, replay] = await Promise.all([h.postSms({ from, body: 'hi there', sid }), h.postSms({ from, body: 'hi there', sid })]);
    expect(first.status, await first.text()).toBe(200);
    expect(replay.status, await replay.text()).toBe(200);

    const sent = await h.twilio.nextMessage();
    expect(sent.to).toBe(from);
    expect(sent.body).toContain('Hello from PGlite.');
    await waitForQueuesIdle(h);
    const rows = await h.deps.db.selectFrom('messages').select(['direction', 'status', 'body_enc']).orderBy('created_at').execute();
    expect(rows.map((r) => [r.direction, r.status])).toEqual([['inbound', 'replied'], ['outbound', 'accepted']]);
    expect(Buffer.from(rows[0]!.body_enc).toString('latin1')).not.toContain('hi there');
  });
});
