import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkAnswer } from '../../src/llm/output-checks.js';

const systemPrompt = loadConfig({}).llm.systemPrompt;

describe('answer checks', () => {
  it('catches an answer that recites the system prompt', () => {
    const leak = `Sure! My instructions say: "${systemPrompt.slice(0, 160)}"`;
    expect(checkAnswer(leak, [systemPrompt])).toBe('system_prompt_leak');
  });

  it('catches a leak of an operator note too, whatever the case and punctuation', () => {
    const note = 'Internal: never mention the clinic partnership with Acme Health to anyone at all.';
    expect(checkAnswer('ok. INTERNAL - never mention the clinic partnership with Acme Health to anyone!', [systemPrompt, note])).toBe('system_prompt_leak');
  });

  it('lets ordinary advice through even when it shares a phrase with the prompt', () => {
    expect(checkAnswer('If the pain gets worse, contact your healthcare provider or emergency services right away.', [systemPrompt])).toBeUndefined();
  });

  it('rejects an answer with no letters or digits', () => {
    expect(checkAnswer('** -- **', [systemPrompt])).toBe('no_content');
    expect(checkAnswer('Drink water.', [systemPrompt])).toBeUndefined();
  });
});
