import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../../src/conversation/memory/facts.js';
import { parseExtraction } from '../../../src/conversation/memory/extract.js';
import { unwrapDataKey } from '../../../src/crypto/envelope.js';
import { findPersonWithKey } from '../../../src/db/queries/people.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { waitForJob, waitForQueuesIdle } from '../../helpers/queues.js';
import { randomUsNumber } from '../../helpers/twilio-sign.js';

const DAY = 86_400_000;
const extraction = (facts: object[], forget: string[] = []) => ({ kind: 'text' as const, text: JSON.stringify({ facts, forget }) });

describe('long-term memory (facts)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { FACTS_CURRENT_TTL_DAYS: '7' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const personOf = async (from: string) => {
    const row = await h.deps.db.selectFrom('people').select('id').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow();
    const person = (await findPersonWithKey(h.deps.db, row.id))!;
    return { id: person.id, key: unwrapDataKey(h.config.keyring, person.id, person.key_id, person.wrapped_key) };
  };
  /** Texts, waits for the reply and for the fact extraction of that message; returns the reply prompt's system message. */
  const text = async (from: string, body: string) => {
    const request = h.openai.nextRequest();
    await h.postSms({ from, body });
    const system = (await request).messages[0]!.content;
    await waitForQueuesIdle(h);
    const inbound = await h.deps.db.selectFrom('messages').select('id').where('direction', '=', 'inbound').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const extracted = (await h.deps.queues.facts.getJob(inbound.id)) ? await waitForJob(h, 'facts', inbound.id) : undefined;
    return { system, extracted, inboundId: inbound.id };
  };

  it('remembers facts a person shares and gives them to the model in a later session', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts(extraction([{ key: 'pregnancy', value: '20 weeks pregnant', kind: 'stable' }, { key: 'diet', value: 'vegetarian', kind: 'stable' }]));
    const first = await text(from, "I'm 20 weeks pregnant and vegetarian. What should I eat?");
    expect(first.extracted).toMatchObject({ outcome: 'saved', facts: 2 });
    expect(h.openai.factRequests.at(-1)!.messages[1]!.content).toBe("I'm 20 weeks pregnant and vegetarian. What should I eat?");

    h.clock.advance(3 * 3_600_000); // a new session: no short-term history, facts still there
    const later = await text(from, 'Any snack ideas?');
    expect(later.system).toContain('pregnancy: 20 weeks pregnant (');
    expect(later.system).toContain('diet: vegetarian (');
    expect(h.openai.requests.at(-1)!.messages).toHaveLength(2);
  });

  it('stores facts sealed: nothing about them is readable in the table', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts(extraction([{ key: 'allergy', value: 'allergic to peanuts', kind: 'stable' }]));
    await text(from, 'I am allergic to peanuts');
    const rows = await sql<Record<string, unknown>>`select * from facts`.execute(h.deps.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    const dump = rows.rows.map((r) => Object.values(r).map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : JSON.stringify(v))).join(' ')).join('\n');
    for (const secret of ['peanut', 'allerg', 'pregnan', 'vegetarian', 'diet']) expect(dump).not.toContain(secret);
    expect(h.logs.text()).not.toContain('peanut');
  });

  it('binds each sealed fact to its row: a ciphertext moved to another row does not open', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts(extraction([{ key: 'name', value: 'Ana', kind: 'stable' }, { key: 'city', value: 'Lisbon', kind: 'stable' }]));
    await text(from, 'My name is Ana and I live in Lisbon');
    const { id, key } = await personOf(from);
    const [a, b] = await h.deps.db.selectFrom('facts').select(['id', 'body_enc']).where('person_id', '=', id).execute();
    await h.deps.db.updateTable('facts').set({ body_enc: b!.body_enc }).where('id', '=', a!.id).execute();
    await expect(loadFacts(h.deps, id, key)).rejects.toThrow();
  });

  it('replaces a fact on the same topic and forgets one the person takes back', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts(extraction([{ key: 'pregnancy', value: '12 weeks pregnant', kind: 'stable' }, { key: 'diet', value: 'vegan', kind: 'stable' }]));
    await text(from, "I'm 12 weeks pregnant and vegan");
    h.openai.scriptFacts(extraction([{ key: 'pregnancy', value: '13 weeks pregnant', kind: 'stable' }], ['diet']));
    await text(from, "I'm 13 weeks now and I eat meat again");
    const { id, key } = await personOf(from);
    expect((await loadFacts(h.deps, id, key)).map((f) => `${f.key}=${f.value}`)).toEqual(['pregnancy=13 weeks pregnant']);
  });

  it('lets a current fact (a symptom) fade after days while a stable one (a due date) stays', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts(extraction([{ key: 'due_date', value: 'due 2027-03-01', kind: 'stable' }, { key: 'symptom', value: 'mild headache', kind: 'current' }]));
    await text(from, 'My due date is March 1 and I have a mild headache');
    const { id, key } = await personOf(from);
    h.clock.advance(6 * DAY);
    expect((await loadFacts(h.deps, id, key)).map((f) => f.key)).toEqual(['due_date', 'symptom']);
    h.clock.advance(2 * DAY);
    expect((await loadFacts(h.deps, id, key)).map((f) => f.key)).toEqual(['due_date']);
    expect((await text(from, 'hello?')).system).not.toContain('headache');
  });

  it('records the extraction call’s model, tokens and cost on the inbound message', async () => {
    const from = randomUsNumber();
    const { inboundId } = await text(from, 'I have two kids');
    const row = await h.deps.db.selectFrom('messages').selectAll().where('id', '=', inboundId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ model: 'gpt-4o-mini', prompt_tokens: 42 });
    expect(Number(row.cost_usd)).toBeGreaterThan(0);
  });

  it('spends no extraction call on a message that states nothing about the person', async () => {
    const before = h.openai.factRequests.length;
    const { extracted } = await text(randomUsNumber(), 'What fruit is good?');
    expect(extracted).toBeUndefined();
    expect(h.openai.factRequests).toHaveLength(before);
  });

  it('changes nothing when the extraction answer is garbage or the model fails', async () => {
    const from = randomUsNumber();
    h.openai.scriptFacts({ kind: 'text', text: 'Sure! The person seems nice.' });
    expect((await text(from, 'I like long walks')).extracted).toMatchObject({ outcome: 'unparseable' });
    h.openai.scriptFacts({ kind: 'status', status: 400 });
    expect((await text(from, 'I work nights')).extracted).toMatchObject({ outcome: 'llm_failed' });
    const { id, key } = await personOf(from);
    expect(await loadFacts(h.deps, id, key)).toEqual([]);
  });
});

describe('parseExtraction', () => {
  it('finds the JSON inside prose or a code fence and drops invalid facts', () => {
    const answer = 'Here you go:\n```json\n{"facts":[{"key":"Diet","value":"vegetarian"},{"key":"bad key!","value":"x"},{"key":"mood","value":""}],"forget":["old_job","DROP TABLE"]}\n```';
    expect(parseExtraction(answer)).toEqual({ facts: [{ key: 'diet', value: 'vegetarian', kind: 'stable' }], forget: ['old_job'] });
  });

  it('gives up on an answer with no JSON object', () => {
    expect(parseExtraction('no facts here')).toBeUndefined();
    expect(parseExtraction('{"facts": [')).toBeUndefined();
  });
});
