import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { TWILIO_WEBHOOK_TIMEOUT_MS } from '../../src/dev/twiml-walker.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { greeting, placeCall } from '../helpers/voice.js';

const LLM_MS = 10_000;
const BUDGET_MS = 4_000;

describe('voice call with a slow LLM', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { VOICE_REPLY_WAIT_MS: String(BUDGET_MS) } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('keeps the caller company with fillers and redirects, then speaks the answer as soon as it exists', async () => {
    h.openai.script({ kind: 'text', text: 'Here is the answer you waited for.', delayMs: LLM_MS });
    let llmDoneAt = 0;
    h.openai.events.once('request', () => (llmDoneAt = performance.now() + LLM_MS));

    const call = await placeCall(h, { from: randomUsNumber(), lines: ['Tell me something that takes a while'] });
    const answeredAt = performance.now();

    expect(call.said).toEqual([...greeting('en'), PHRASES.en.filler1, PHRASES.en.filler2, 'Here is the answer you waited for.']);
    expect(call.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/twilio/voice', '/twilio/voice/gather', '/twilio/voice/reply', '/twilio/voice/reply', '/twilio/voice/status',
    ]);
    // Every webhook answers within the wait budget (plus a little work), nowhere near Twilio's 15 s.
    for (const request of call.requests) {
      expect(request.ms, request.url).toBeLessThan(BUDGET_MS + 1_000);
      expect(request.ms).toBeLessThan(TWILIO_WEBHOOK_TIMEOUT_MS);
    }
    // The answer went out right after the model finished, not at the end of a polling interval.
    const answerRequest = call.requests[3]!;
    expect(answeredAt - llmDoneAt).toBeLessThan(1_000);
    expect(answerRequest.ms).toBeLessThan(BUDGET_MS);
    expect(h.openai.requests).toHaveLength(1);
  });
});

describe('voice call whose answer never comes in time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { VOICE_REPLY_WAIT_MS: '1000', VOICE_TURN_MAX_WAIT_MS: '45000' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('stops holding after VOICE_TURN_MAX_WAIT_MS: apologises and asks again instead of looping forever', async () => {
    h.openai.script({ kind: 'text', text: 'Too late.', delayMs: 3_000 });
    // While the caller hears the first filler, time moves past the turn's limit.
    const onHear = (heard: { kind: string; text?: string }) => heard.text === PHRASES.en.filler1 && h.clock.advance(60_000);
    const call = await placeCall(h, { from: randomUsNumber(), lines: ['Are you stuck?'], onHear });
    expect(call.said).toEqual([...greeting('en'), PHRASES.en.filler1, PHRASES.en.gaveUp]);
    expect(call.requests.map((r) => new URL(r.url).pathname)).toEqual(['/twilio/voice', '/twilio/voice/gather', '/twilio/voice/reply', '/twilio/voice/status']);
  });
});
