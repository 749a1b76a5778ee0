import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('LLM, memory and SMS settings', () => {
  it('has defaults that fit the product: 30 s SMS, 20 s voice, breaker 5 × 5 min, 1 h sessions, 3 segments', () => {
    const config = loadConfig({});
    expect(config.llm).toMatchObject({ timeoutMs: 30_000, voiceTimeoutMs: 20_000, maxTokens: 300, breaker: { failures: 5, openMs: 300_000 }, fallback: undefined });
    expect(config.memory).toEqual({ sessionIdleMs: 3_600_000, factsEnabled: true, currentFactTtlMs: 7 * 86_400_000 });
    expect(config.sms).toEqual({ maxSegments: 3, forceGsm: false });
  });

  it('builds the fallback model from the primary server and key unless told otherwise', () => {
    const base = { OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://vllm:8000/v1', OPENAI_MODEL: 'big' };
    expect(loadConfig({ ...base, OPENAI_FALLBACK_MODEL: 'small' }).llm.fallback).toEqual({ model: 'small', baseUrl: 'http://vllm:8000/v1', apiKey: 'sk-1' });
    expect(loadConfig({ ...base, OPENAI_FALLBACK_BASE_URL: 'http://ollama:11434/v1', OPENAI_FALLBACK_API_KEY: '' }).llm.fallback).toEqual({ model: 'big', baseUrl: 'http://ollama:11434/v1', apiKey: 'sk-1' });
  });

  it('reads boolean flags leniently and refuses a segment budget outside 1–10', () => {
    expect(loadConfig({ FACTS_ENABLED: 'false', SMS_FORCE_GSM: 'yes' })).toMatchObject({ memory: { factsEnabled: false }, sms: { forceGsm: true } });
    expect(() => loadConfig({ SMS_MAX_SEGMENTS: '11' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMS_MAX_SEGMENTS: '0' })).toThrow(ConfigError);
  });
});
