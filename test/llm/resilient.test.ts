import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLlm } from '../../src/llm/create-llm.js';
import { createOpenAiLlm } from '../../src/llm/openai.js';
import { LlmError, type Llm } from '../../src/llm/types.js';
import { createTestClock } from '../helpers/clock.js';
import { startFakeOpenAi, type Behaviour, type FakeOpenAi } from '../helpers/fake-openai.js';
import { createCapturedLog } from '../helpers/log-capture.js';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../helpers/redis.js';

const messages = [{ role: 'user' as const, content: 'What should I eat today?' }];
const failure = (llm: Llm, timeoutMs = 2_000) => llm.complete({ messages, timeoutMs }).then(() => undefined, (error: LlmError) => error);

/** A model chain built like production (createLlm), against fake servers, with its breakers in Redis. */
async function setup(options: { fallback?: boolean; env?: Record<string, string> } = {}) {
  const primary = await startFakeOpenAi('primary answer');
  const fallback = options.fallback ? await startFakeOpenAi('fallback answer') : undefined;
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    QUEUE_PREFIX: prefix,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: primary.url,
    OPENAI_MODEL: 'primary-model',
    ...(fallback ? { OPENAI_FALLBACK_BASE_URL: fallback.url, OPENAI_FALLBACK_MODEL: 'fallback-model' } : {}),
    ...options.env,
  });
  const clock = createTestClock();
  const logs = createCapturedLog();
  const connections: Redis[] = [];
  /** Another instance (web or worker process): its own connection, same Redis and prefix. */
  const instance = async () => {
    const redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    connections.push(redis);
    return createLlm(config, { redis, clock, log: logs.log });
  };
  const llm = await instance();
  const close = async () => {
    for (const redis of connections) redis.disconnect();
    await Promise.all([primary.close(), fallback?.close()]);
    await deleteKeysWithPrefix(prefix);
  };
  return { llm, instance, primary, fallback: fallback as FakeOpenAi, clock, logs, config, close };
}

describe('the OpenAI-compatible client', () => {
  let fake: FakeOpenAi;
  afterEach(() => fake.close());

  const cases: [string, Behaviour, LlmError['reason']][] = [
    ['no choices', { kind: 'no_choices' }, 'empty'],
    ['empty content', { kind: 'empty' }, 'empty'],
    ['a refusal', { kind: 'refusal' }, 'refusal'],
    ['10k tokens of output', { kind: 'long', words: 10_000 }, 'runaway'],
    ['a 503', { kind: 'status', status: 503 }, 'http'],
  ];
  for (const [what, behaviour, reason] of cases) {
    it(`turns ${what} into an LlmError (${reason}) instead of text`, async () => {
      fake = await startFakeOpenAi();
      fake.script(behaviour);
      const error = await failure(createOpenAiLlm({ baseUrl: fake.url, model: 'm', maxTokens: 300 }));
      expect(error).toBeInstanceOf(LlmError);
      expect(error?.reason).toBe(reason);
    });
  }

  it('times out a hung server at the deadline', async () => {
    fake = await startFakeOpenAi();
    fake.script({ kind: 'hang' });
    const started = performance.now();
    expect((await failure(createOpenAiLlm({ baseUrl: fake.url, model: 'm', maxTokens: 300 }), 300))?.reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('sends max_tokens so the answer and its cost stay bounded', async () => {
    fake = await startFakeOpenAi();
    await createOpenAiLlm({ baseUrl: fake.url, model: 'm', maxTokens: 123 }).complete({ messages, timeoutMs: 2_000 });
    expect(fake.requests[0]).toMatchObject({ model: 'm', max_tokens: 123 });
  });
});

describe('the resilient model chain', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  afterEach(() => t.close());

  it('retries a 429 and a 503 within the budget and returns the answer', async () => {
    t = await setup();
    t.primary.script({ kind: 'status', status: 429 }, { kind: 'status', status: 503 });
    const result = await t.llm.complete({ messages, timeoutMs: 5_000 });
    expect(result).toMatchObject({ text: 'primary answer', model: 'primary-model', promptTokens: 42 });
    expect(t.primary.requests).toHaveLength(3);
  });

  it('does not retry a 400: the same request would fail the same way', async () => {
    t = await setup();
    t.primary.script({ kind: 'status', status: 400 });
    expect((await failure(t.llm, 5_000))?.reason).toBe('unavailable');
    expect(t.primary.requests).toHaveLength(1);
  });

  it('does not wait out a Retry-After longer than the time left', async () => {
    t = await setup({ fallback: true });
    t.primary.script({ kind: 'status', status: 429, retryAfterMs: 60_000 });
    const started = performance.now();
    expect((await t.llm.complete({ messages, timeoutMs: 5_000 })).text).toBe('fallback answer');
    expect(t.primary.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('falls back to the second model on the second server when the first keeps failing', async () => {
    t = await setup({ fallback: true });
    t.primary.setFallbackBehaviour({ kind: 'status', status: 503 });
    const result = await t.llm.complete({ messages, timeoutMs: 5_000 });
    expect(result).toMatchObject({ text: 'fallback answer', model: 'fallback-model' });
    expect(t.fallback.requests[0]?.model).toBe('fallback-model');
    expect(t.primary.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the fallback model time to answer inside the deadline when the first one hangs', async () => {
    t = await setup({ fallback: true });
    t.primary.script({ kind: 'hang' });
    const started = performance.now();
    const result = await t.llm.complete({ messages, timeoutMs: 2_000 });
    expect(result.text).toBe('fallback answer');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('moves on to the fallback model when the first answers with nothing usable', async () => {
    t = await setup({ fallback: true });
    t.primary.script({ kind: 'no_choices' });
    expect((await t.llm.complete({ messages, timeoutMs: 5_000 })).text).toBe('fallback answer');
  });

  it('gives up with "unavailable" when every model fails', async () => {
    t = await setup({ fallback: true });
    t.primary.setFallbackBehaviour({ kind: 'status', status: 500 });
    t.fallback.setFallbackBehaviour({ kind: 'empty' });
    const error = await failure(t.llm, 3_000);
    expect(error?.reason).toBe('unavailable');
    expect(error?.message).toMatch(/primary-model@.*http 500.*fallback-model@.*empty/);
  });

  it('opens the breaker after 5 failed calls: the next call skips the failing model at once', async () => {
    t = await setup({ fallback: true });
    t.primary.setFallbackBehaviour({ kind: 'status', status: 401 });
    for (let i = 0; i < 5; i++) expect((await t.llm.complete({ messages, timeoutMs: 3_000 })).text).toBe('fallback answer');
    expect(t.primary.requests).toHaveLength(5);
    expect((await t.llm.complete({ messages, timeoutMs: 3_000 })).text).toBe('fallback answer');
    expect(t.primary.requests).toHaveLength(5);
    expect(t.logs.text()).toContain('LLM breaker opened');
  });

  it('shares the open breaker with a second instance, which then never calls the failing model', async () => {
    t = await setup();
    t.primary.setFallbackBehaviour({ kind: 'status', status: 401 });
    for (let i = 0; i < 5; i++) await failure(t.llm);
    const second = await t.instance();
    t.primary.setFallbackBehaviour({ kind: 'text', text: 'recovered' });
    const error = await failure(second);
    expect(error?.message).toContain('breaker open');
    expect(t.primary.requests).toHaveLength(5);
  });

  it('after the open period lets one trial call through, and closes when it succeeds', async () => {
    t = await setup();
    t.primary.setFallbackBehaviour({ kind: 'status', status: 401 });
    for (let i = 0; i < 5; i++) await failure(t.llm);
    t.primary.setFallbackBehaviour({ kind: 'text', text: 'recovered' });
    t.clock.advance(t.config.llm.breaker.openMs);
    const second = await t.instance();
    // The trial holds the half-open slot: a concurrent call on the other instance is still refused.
    t.primary.script({ kind: 'text', text: 'recovered', delayMs: 300 });
    const trial = second.complete({ messages, timeoutMs: 3_000 });
    await t.primary.nextRequest();
    expect((await failure(t.llm))?.message).toContain('breaker open');
    expect((await trial).text).toBe('recovered');
    expect((await t.llm.complete({ messages, timeoutMs: 3_000 })).text).toBe('recovered');
    expect(t.primary.requests).toHaveLength(7);
    expect(t.logs.text()).toContain('LLM breaker closed: the trial call succeeded');
  });

  it('does not count refusals against the model: the breaker stays closed', async () => {
    t = await setup();
    t.primary.setFallbackBehaviour({ kind: 'refusal' });
    for (let i = 0; i < 6; i++) expect((await failure(t.llm))?.message).toContain('refusal');
    expect(t.primary.requests).toHaveLength(6);
  });
});
