import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

describe('voice call in a crisis', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('answers at once without the LLM, connects the caller to the hotline, and is still there after', async () => {
    const llmCalls = h.openai.requests.length;
    const call = await placeCall(h, { from: randomUsNumber(), lines: ['I want to kill myself', 'thank you, bye'] });

    const crisis = call.heard[2]!;
    expect(crisis).toMatchObject({ kind: 'say', voice: 'Polly.Joanna-Neural' });
    const text = (crisis as { text: string }).text;
    expect(text).toContain('988');
    expect(text).toContain('Stay on the line');
    expect(call.heard.slice(3, 5)).toEqual([
      { kind: 'dial', number: '+18002738255' },
      { kind: 'say', text: PHRASES.en.stillHere, voice: 'Polly.Joanna-Neural', language: 'en-US' },
    ]);
    expect(call.said).toEqual([...greeting('en'), text, PHRASES.en.stillHere, PHRASES.en.goodbye]);
    expect(h.openai.requests.length).toBe(llmCalls);
    // The webhook answered straight away: no hold, no redirect.
    expect(call.requests.map((r) => new URL(r.url).pathname)).toEqual(['/twilio/voice', '/twilio/voice/gather', '/twilio/voice/gather', '/twilio/voice/status']);
    const row = await h.deps.db.selectFrom('calls').select('turns').where('call_sid', '=', call.callSid).executeTakeFirstOrThrow();
    expect(row.turns).toBe(1);
  });

  it('speaks a crisis reply in the language the crisis was said in, with that language’s voice', async () => {
    const call = await placeCall(h, { from: '+525512345678', lines: ['me quiero morir'] });
    expect(call.said.slice(0, 2)).toEqual(greeting('es'));
    expect(call.heard[2]).toMatchObject({ kind: 'say', voice: 'Polly.Lupe-Neural', language: 'es-US' });
    expect(call.heard[3]).toEqual({ kind: 'dial', number: '+528009112000' });

    // An English call, and the caller says it in Spanish: the reply is Spanish, so is the voice saying it.
    const mixed = await placeCall(h, { from: randomUsNumber(), lines: ['me quiero morir'] });
    expect(mixed.heard[2]).toMatchObject({ kind: 'say', voice: 'Polly.Lupe-Neural', language: 'es-US' });
    expect(mixed.caller.listens.map((l) => l.language)).toEqual(['en-US', 'en-US']);
  });
});
