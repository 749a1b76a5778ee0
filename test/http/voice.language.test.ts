import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

describe('voice call language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const locale = async (from: string) =>
    (await h.deps.db.selectFrom('people').select('locale').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow()).locale;

  it.each([
    ['+34612345678', 'es', 'Polly.Lupe-Neural', 'es-US'],
    ['+33612345678', 'fr', 'Polly.Lea-Neural', 'fr-FR'],
    ['+5511987654321', 'pt', 'Polly.Camila-Neural', 'pt-BR'],
    ['+4915112345678', 'de', 'Polly.Vicki-Neural', 'de-DE'],
    ['+447700900123', 'en', 'Polly.Joanna-Neural', 'en-US'],
  ] as const)('greets a new caller from %s in their country’s language (%s)', async (from, language, voice, bcp47) => {
    const call = await placeCall(h, { from, lines: [] });
    expect(call.heard[0]).toEqual({ kind: 'say', text: PHRASES[language].greeting, voice, language: bcp47 });
    expect(call.caller.listens[0]!.language).toBe(bcp47);
    const row = await h.deps.db.selectFrom('calls').select('language').where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row.language).toBe(language);
  });

  it('greets in English when the country is unknown or its language is not spoken here', async () => {
    const call = await placeCall(h, { from: '+81312345678', lines: [] });
    expect(call.said[0]).toBe(PHRASES.en.greeting);
  });

  it('switches language when asked, for the rest of the call and the next one, without asking the LLM', async () => {
    const from = randomUsNumber();
    const llmCalls = h.openai.requests.length;
    h.openai.script({ kind: 'text', text: 'Hola, claro que sí.' });

    const first = await placeCall(h, { from, lines: ['En español, por favor', '¿Me puedes ayudar?', 'Adiós'] });

    expect(first.said).toEqual([...greeting('en'), PHRASES.es.switched, 'Hola, claro que sí.', PHRASES.es.goodbye]);
    expect(first.heard[1]).toMatchObject({ voice: 'Polly.Lupe-Neural', language: 'es-US' });
    expect(first.caller.listens.map((l) => l.language)).toEqual(['en-US', 'es-US', 'es-US']);
    expect(h.openai.requests.length - llmCalls).toBe(1);
    expect(await locale(from)).toBe('es');
    const row = await h.deps.db.selectFrom('calls').select(['language', 'turns']).where('call_sid', '=', first.callSid).executeTakeFirstOrThrow();
    expect(row).toEqual({ language: 'es', turns: 1 });

    const second = await placeCall(h, { from, lines: [] });
    expect(second.said[0]).toBe(PHRASES.es.greeting);
  });

  it('prefers a saved locale over the country code', async () => {
    const from = '+4915112345670';
    await placeCall(h, { from, lines: ['in English please', 'bye'] });
    expect(await locale(from)).toBe('en');
    const call = await placeCall(h, { from, lines: [] });
    expect(call.said[0]).toBe(PHRASES.en.greeting);
  });
});
