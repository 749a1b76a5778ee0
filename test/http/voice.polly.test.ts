import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASE_KEYS, PHRASES } from '../../src/conversation/voice/phrases.js';
import { createPromptAudio, promptFileName } from '../../src/conversation/voice/prompt-audio.js';
import { createPollySynthesizer } from '../../src/providers/polly.js';
import { LANGUAGES } from '../../src/util/language.js';
import { createHarness, PUBLIC_URL, type Harness } from '../helpers/harness.js';
import { fakeAudio, startFakePolly, type FakePolly } from '../helpers/fake-polly.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { placeCall } from '../helpers/voice.js';

describe('voice prompts with Amazon Polly configured', () => {
  let h: Harness;
  let polly: FakePolly;
  beforeAll(async () => {
    polly = await startFakePolly();
    h = await createHarness({ env: { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_REGION: 'eu-west-1', POLLY_ENDPOINT: polly.url } });
  });
  afterAll(async () => {
    await h.close();
    await polly.close();
  });

  it('speaks a prompt with <Say> until its audio exists, then plays the cached audio, synthesised once', async () => {
    const first = await placeCall(h, { from: '+34612345670', lines: [] });
    // The first caller never waits on Polly.
    expect(first.heard[0]).toMatchObject({ kind: 'say', text: PHRASES.es.greeting, voice: 'Polly.Lupe-Neural' });
    // The greeting and the offer of English (in the English voice) are synthesised in the background.
    await polly.waitForCount(2);
    expect(polly.requests).toContainEqual(expect.objectContaining({ Text: PHRASES.es.greeting, VoiceId: 'Lupe', Engine: 'neural', LanguageCode: 'es-US', OutputFormat: 'mp3' }));
    expect(polly.requests).toContainEqual(expect.objectContaining({ Text: PHRASES.en.languageOffer, VoiceId: 'Joanna', LanguageCode: 'en-US' }));

    const second = await placeCall(h, { from: '+34612345671', lines: [] });
    const third = await placeCall(h, { from: '+34612345672', lines: [] });
    expect(second.heard[0]).toEqual(third.heard[0]);
    const played = second.heard[0]!;
    expect(played).toMatchObject({ kind: 'play' });
    const url = (played as { url: string }).url;
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/audio/prompts/es-greeting-[0-9a-f]{12}\\.mp3$`));
    expect(polly.requests.filter((r) => r.Text === PHRASES.es.greeting)).toHaveLength(1);

    const audio = await h.app.request(url.slice(PUBLIC_URL.length));
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(audio.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await audio.arrayBuffer())).toEqual(fakeAudio({ VoiceId: 'Lupe', Text: PHRASES.es.greeting }));
  });

  it('synthesises every prompt of every language once when warmed, and never again', async () => {
    const before = polly.requests.length;
    await h.deps.voice.prompts.warm();
    const after = polly.requests.length;
    // The Spanish greeting and the English offer above were already cached.
    expect(after - before).toBe(LANGUAGES.length * PHRASE_KEYS.length - 2);
    await h.deps.voice.prompts.warm();
    expect(polly.requests.length).toBe(after);
    expect(h.deps.voice.prompts.speech('de', 'goodbye')).toEqual({ kind: 'play', url: `${PUBLIC_URL}/audio/prompts/${promptFileName('de', 'goodbye')}` });
  });

  it('serves a prompt that another instance put in its TwiML by synthesising it on request', async () => {
    const other = createPromptAudio({ synthesizer: createPollySynthesizer({ region: 'eu-west-1', accessKeyId: 'AKIDTEST', secretAccessKey: 's', endpoint: polly.url }), audioUrl: (f) => f, log: h.logs.log });
    const before = polly.requests.length;
    const audio = await other.audio(promptFileName('pt', 'filler2'));
    expect(audio).toEqual(fakeAudio({ VoiceId: 'Camila', Text: PHRASES.pt.filler2 }));
    expect(polly.requests.length).toBe(before + 1);
    other.close();
  });

  it('answers 404 for a prompt file it does not know', async () => {
    const res = await h.app.request('/audio/prompts/en-greeting-000000000000.mp3');
    expect(res.status, await res.text()).toBe(404);
  });

  it('keeps answering with <Say> when Polly fails', async () => {
    const fresh = await createHarness({ env: { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret', POLLY_ENDPOINT: polly.url } });
    try {
      // Each synthesis is tried twice by the SDK: the background try from the first call, then the audio route's.
      polly.failNext(500, 500, 500, 500);
      const call = await placeCall(fresh, { from: randomUsNumber(), lines: [] });
      expect(await fresh.deps.voice.prompts.audio(promptFileName('en', 'greeting'))).toBeUndefined();
      const again = await placeCall(fresh, { from: randomUsNumber(), lines: [] });
      expect(call.heard[0]).toMatchObject({ kind: 'say', text: PHRASES.en.greeting });
      expect(again.heard[0]).toMatchObject({ kind: 'say', text: PHRASES.en.greeting });
      expect(fresh.logs.text()).toContain('voice prompt synthesis failed');
    } finally {
      await fresh.close();
    }
  });
});

describe('voice prompts without AWS credentials', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('always uses <Say voice="Polly.…"> and serves no audio', async () => {
    for (let i = 0; i < 2; i++) {
      const call = await placeCall(h, { from: randomUsNumber(), lines: [] });
      expect(call.heard[0]).toEqual({ kind: 'say', text: PHRASES.en.greeting, voice: 'Polly.Joanna-Neural', language: 'en-US' });
    }
    await h.deps.voice.prompts.warm();
    expect(await h.deps.voice.prompts.audio('en-greeting-000000000000.mp3')).toBeUndefined();
  });
});
