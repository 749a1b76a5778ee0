import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { costUsd, DEFAULT_PRICES, parsePrices, priceOf } from '../../src/llm/pricing.js';

describe('LLM price table', () => {
  it('prices a call from prompt and completion tokens (USD per million)', () => {
    expect(costUsd(DEFAULT_PRICES, 'gpt-4o-mini', 1_000, 200)).toBeCloseTo((1_000 * 0.15 + 200 * 0.6) / 1e6, 12);
  });

  it('matches a dated model name by its longest priced prefix', () => {
    expect(priceOf(DEFAULT_PRICES, 'gpt-4o-mini-2024-07-18')).toEqual(DEFAULT_PRICES['gpt-4o-mini']);
    expect(priceOf(DEFAULT_PRICES, 'gpt-4o-2024-08-06')).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('records no cost for a model it has no price for, or when the server reported no usage', () => {
    expect(costUsd(DEFAULT_PRICES, 'llama3.1:8b', 100, 100)).toBeNull();
    expect(costUsd(DEFAULT_PRICES, 'gpt-4o-mini', undefined, undefined)).toBeNull();
  });

  it('takes LLM_PRICES over the built-in table, so a self-hosted model can cost zero', () => {
    const { prices } = loadConfig({ LLM_PRICES: 'llama3.1=0/0, gpt-4o-mini=1/2' }).llm;
    expect(costUsd(prices, 'llama3.1:8b', 500, 500)).toBe(0);
    expect(costUsd(prices, 'gpt-4o-mini', 1_000_000, 0)).toBe(1);
    expect(prices['gpt-4o']).toEqual(DEFAULT_PRICES['gpt-4o']);
  });

  it('refuses a malformed LLM_PRICES at startup', () => {
    expect(() => parsePrices('gpt-4o-mini=cheap')).toThrow(/model=input\/output/);
    expect(() => loadConfig({ LLM_PRICES: 'gpt-4o-mini:0.15' })).toThrow(ConfigError);
  });
});
