import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePersonData, exportPersonData } from '../../src/admin/person-data.js';
import { saveFacts } from '../../src/conversation/memory/facts.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

const run = promisify(execFile);

describe('export and erase a person (operator data requests)', () => {
  let h: Harness;
  const ctx = () => ({ db: h.deps.db, keyring: h.config.keyring, phoneHashKey: h.config.phoneHashKey });

  beforeAll(async () => {
    h = await createHarness({ env: { FACTS_ENABLED: 'false' } });
    h.openai.setFallbackBehaviour({ kind: 'text', text: 'Pasteurised soft cheese is fine.' });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  /** A person who texted once, got a reply, and has one remembered fact. */
  async function personWithHistory() {
    const phone = randomUsNumber();
    const sentBefore = h.twilio.sent.length;
    await h.postSms({ from: phone, body: 'Can I eat brie at 20 weeks?' });
    await h.twilio.waitForCount(sentBefore + 1);
    const person = await h.deps.people.resolve(phone);
    await saveFacts(h.deps, person.id, person.dataKey, { facts: [{ key: 'pregnancy', value: '20 weeks pregnant', kind: 'stable' }], forget: [] });
    return { phone, personId: person.id };
  }

  it('exports everything stored about a number, decrypted', async () => {
    const { phone, personId } = await personWithHistory();
    const data = await exportPersonData(ctx(), phone);
    expect(data?.person).toMatchObject({ id: personId, phone, country: 'US' });
    expect(data?.messages.map((m) => [m.direction, m.channel])).toEqual([['inbound', 'sms'], ['outbound', 'sms']]);
    expect(data?.messages[0]!.text).toBe('Can I eat brie at 20 weeks?');
    expect(data?.messages[1]!.text).toContain('Pasteurised soft cheese is fine.');
    expect(data?.facts).toEqual([expect.objectContaining({ key: 'pregnancy', value: '20 weeks pregnant', kind: 'stable' })]);
    expect(await exportPersonData(ctx(), randomUsNumber())).toBeUndefined();
  });

  it('erases by destroying the key: the rows stay, nothing opens, the number is a stranger again', async () => {
    const { phone, personId } = await personWithHistory();
    const result = await erasePersonData(ctx(), phone, h.clock.now());
    expect(result).toEqual({ personId, messages: 2, facts: 1, canceledOutbound: 0, billingSubscriptions: [] });

    expect(await h.deps.db.selectFrom('data_keys').select('person_id').where('person_id', '=', personId).execute()).toEqual([]);
    const tombstone = await h.deps.db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(tombstone.deleted_at).not.toBeNull();
    expect(Buffer.from(tombstone.phone_hash).equals(h.deps.people.hash(phone))).toBe(false);
    expect(tombstone.phone_enc).toHaveLength(0);
    // The message rows are still there, sealed under a key that no longer exists anywhere.
    expect(await h.deps.db.selectFrom('messages').select('id').where('person_id', '=', personId).execute()).toHaveLength(2);
    expect(await exportPersonData(ctx(), phone)).toBeUndefined();
    expect(await erasePersonData(ctx(), phone, h.clock.now())).toBeUndefined();

    // This process cached them: once its refresh finds them gone, the number's next text is a new person, answered.
    h.clock.advance(120_000);
    await h.deps.people.resolve(phone);
    await h.deps.people.settled();
    const next = h.twilio.nextMessage(15_000);
    expect((await h.postSms({ from: phone, body: 'hello again' })).status).toBe(200);
    expect(await next).toMatchObject({ to: phone });
    const fresh = await exportPersonData(ctx(), phone);
    expect(fresh?.person.id).not.toBe(personId);
    expect(fresh?.messages.map((m) => m.text)[0]).toBe('hello again');
  });

  it('cancels a reply still waiting to be sent', async () => {
    const phone = randomUsNumber();
    const person = await h.deps.people.resolve(phone);
    await h.deps.db.insertInto('messages').values({
      id: crypto.randomUUID(), person_id: person.id, channel: 'sms', direction: 'outbound', provider: 'twilio',
      provider_message_id: null, service_number: '+15550001111', reply_to_id: null, body_enc: Buffer.from([1]), status: 'queued',
      error_code: null, model: null, prompt_tokens: null, completion_tokens: null, cost_usd: null, send_started_at: null,
    }).execute();
    expect(await erasePersonData(ctx(), phone, h.clock.now())).toMatchObject({ canceledOutbound: 1 });
  });

  it('npm run admin: export prints JSON, erase asks for --yes', async () => {
    const { phone } = await personWithHistory();
    const env = { ...process.env, ...h.env, LOG_LEVEL: 'silent' };
    const exported = await run('npx', ['tsx', 'src/admin/cli.ts', 'export', phone], { env });
    expect(JSON.parse(exported.stdout).person.phone).toBe(phone);

    await expect(run('npx', ['tsx', 'src/admin/cli.ts', 'erase', phone], { env })).rejects.toMatchObject({ code: 2 });
    expect(await exportPersonData(ctx(), phone)).toBeDefined();
    const erased = await run('npx', ['tsx', 'src/admin/cli.ts', 'erase', phone, '--yes'], { env });
    expect(erased.stdout).toContain('2 messages are unreadable');
    expect(await exportPersonData(ctx(), phone)).toBeUndefined();
    await expect(run('npx', ['tsx', 'src/admin/cli.ts', 'export', phone], { env })).rejects.toMatchObject({ code: 1 });
  });
});
