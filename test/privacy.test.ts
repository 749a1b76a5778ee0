import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './helpers/harness.js';
import { waitForQueuesIdle } from './helpers/queues.js';
import { TEST_REDIS_URL } from './helpers/redis.js';

describe('privacy at rest and in logs', () => {
  let h: Harness;
  const phone = '+15557654321';
  const body = 'I am 20 weeks pregnant and my name is Zelda Quux';
  const reply = 'Congratulations Zelda, take care of yourself.';
  // Forms a careless implementation might leave behind: the number with and without '+', its last digits.
  const phoneForms = [phone, phone.slice(1), phone.slice(-7)];

  beforeAll(async () => {
    h = await createHarness();
    h.openai.script({ kind: 'text', text: reply });
    await h.startWorkers();
    await h.postSms({ from: phone, body });
    await h.twilio.waitForCount(1);
    await waitForQueuesIdle(h);
  });
  afterAll(() => h.close());

  it('stores no body or phone number readable in any table', async () => {
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = ${h.schema.name}`.execute(h.deps.db);
    expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(['people', 'messages', 'data_keys']));
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(h.deps.db);
      for (const row of rows.rows) {
        for (const value of Object.values(row)) {
          // bytea columns are checked both as raw bytes read as text and as hex
          dump += value instanceof Uint8Array ? `${Buffer.from(value).toString('latin1')} ${Buffer.from(value).toString('hex')}\n` : `${JSON.stringify(value)}\n`;
        }
      }
    }
    expect(dump.length).toBeGreaterThan(100);
    for (const secret of [body, 'Zelda', reply, ...phoneForms]) expect(dump).not.toContain(secret);
  });

  it('logs no body or phone number', () => {
    const logs = h.logs.text();
    expect(h.logs.lines.length).toBeGreaterThan(3);
    for (const secret of ['Zelda', 'pregnant', 'Congratulations', ...phoneForms]) expect(logs).not.toContain(secret);
  });

  it('puts only ids in Redis job payloads', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    let dump = '';
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${h.queuePrefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') dump += JSON.stringify(await redis.hgetall(key));
        if (type === 'string') dump += await redis.get(key);
      }
    } while (cursor !== '0');
    redis.disconnect();
    expect(dump).toContain('messageId');
    for (const secret of ['Zelda', 'pregnant', 'Congratulations', ...phoneForms]) expect(dump).not.toContain(secret);
  });
});
