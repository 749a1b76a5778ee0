import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { VOICE_PROMPT_NOTE } from '../../src/conversation/voice/shape-speech.js';
import { aad, openSealedText, unwrapDataKey } from '../../src/crypto/envelope.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

describe('voice call (happy path)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('holds a whole call: greeting, three answered turns with shared history, goodbye, hangup, completed status', async () => {
    const from = randomUsNumber();
    h.openai.script(
      { kind: 'text', text: 'Nice to meet you, Ana.' },
      { kind: 'text', text: '**Water** is best. See https://www.cdc.gov/water/index.html for more.' },
      { kind: 'text', text: 'Your name is Ana.' },
    );

    const call = await placeCall(h, { from, lines: ['My name is Ana', 'What should I drink?', 'What is my name?', 'Okay thanks, bye!'] });

    expect(call.ended).toBe('hangup');
    expect(call.said).toEqual([
      ...greeting('en'),
      'Nice to meet you, Ana.',
      'Water is best. See cdc.gov for more.',
      'Your name is Ana.',
      PHRASES.en.goodbye,
    ]);
    expect(call.heard[0]).toMatchObject({ kind: 'say', voice: 'Polly.Joanna-Neural', language: 'en-US' });
    expect(call.caller.listens.every((l) => l.language === 'en-US')).toBe(true);

    // The third turn's prompt carries the first two, like an SMS conversation, and says it is a call.
    const third = h.openai.requests.at(-1)!.messages;
    expect(third[0]!.content).toContain(VOICE_PROMPT_NOTE);
    expect(third.slice(1).map((m) => m.content)).toEqual([
      'My name is Ana',
      'Nice to meet you, Ana.',
      'What should I drink?',
      'Water is best. See cdc.gov for more.',
      'What is my name?',
    ]);

    const row = await h.deps.db.selectFrom('calls').selectAll().where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'completed', turns: 3, language: 'en', duration_s: call.durationS });
    expect(row.ended_at).toBeInstanceOf(Date);
  });

  it('stores every turn of the call sealed under the caller’s key, never in clear', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'text', text: 'Rest and drink water.' });
    await placeCall(h, { from, lines: ['I have a headache', 'bye'] });

    const person = await h.deps.db
      .selectFrom('people as p')
      .innerJoin('data_keys as k', 'k.person_id', 'p.id')
      .select(['p.id', 'k.key_id', 'k.wrapped_key'])
      .where('p.phone_hash', '=', h.deps.people.hash(from))
      .executeTakeFirstOrThrow();
    const rows = await h.deps.db.selectFrom('messages').selectAll().where('person_id', '=', person.id).orderBy('created_at').execute();
    expect(rows.map((r) => [r.channel, r.direction, r.status])).toEqual([
      ['voice', 'inbound', 'replied'],
      ['voice', 'outbound', 'delivered'],
    ]);
    for (const row of rows) {
      expect(Buffer.from(row.body_enc).toString('utf8')).not.toMatch(/headache|water/i);
    }
    const key = unwrapDataKey(h.config.keyring, person.id, person.key_id, person.wrapped_key);
    expect(rows.map((r) => openSealedText(key, r.body_enc, aad.messageBody(r.id)))).toEqual(['I have a headache', 'Rest and drink water.']);
  });

  it('reprompts once after silence, then says goodbye and hangs up', async () => {
    const call = await placeCall(h, { from: randomUsNumber(), lines: ['', ''] });
    expect(call.ended).toBe('hangup');
    expect(call.said).toEqual([...greeting('en'), PHRASES.en.reprompt, PHRASES.en.silenceGoodbye]);
  });

  it('forgives one silence: speech after a reprompt continues the call', async () => {
    h.openai.script({ kind: 'text', text: 'Yes, I am here.' });
    const call = await placeCall(h, { from: randomUsNumber(), lines: ['', 'Are you there?', '', ''] });
    expect(call.said).toEqual([...greeting('en'), PHRASES.en.reprompt, 'Yes, I am here.', PHRASES.en.reprompt, PHRASES.en.silenceGoodbye]);
  });

  it('ends the call on "stop" without unsubscribing the caller from texts', async () => {
    const from = randomUsNumber();
    const call = await placeCall(h, { from, lines: ['Stop.'] });
    expect(call.said).toEqual([...greeting('en'), PHRASES.en.goodbye]);
    const person = await h.deps.db.selectFrom('people').select('opted_out_at').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow();
    expect(person.opted_out_at).toBeNull();
  });
});
