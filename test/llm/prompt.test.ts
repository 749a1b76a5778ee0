import { describe, expect, it } from 'vitest';
import { buildPrompt, type HistoryTurn } from '../../src/llm/prompt.js';
import { estimatePromptTokens } from '../../src/llm/tokens.js';

const turn = (i: number): HistoryTurn => ({ direction: i % 2 === 0 ? 'inbound' : 'outbound', text: `Turn ${i}: ${'some words about food and sleep '.repeat(10)}` });

describe('buildPrompt', () => {
  it('puts notes and facts in the system message, then history, then the message', () => {
    const prompt = buildPrompt({ systemPrompt: 'Be kind.', notes: ['Answer briefly.'], facts: ['diet: vegetarian (2026-01-01)'], history: [turn(0), turn(1)], message: 'Hi' });
    expect(prompt.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(prompt[0]!.content).toMatch(/^Be kind\.\n\nAnswer briefly\.\n\n.*\n- diet: vegetarian \(2026-01-01\)$/s);
    expect(prompt.at(-1)).toEqual({ role: 'user', content: 'Hi' });
  });

  it('stays within the token budget however long the history, dropping the oldest turns first', () => {
    const history = Array.from({ length: 200 }, (_, i) => turn(i));
    const prompt = buildPrompt({ systemPrompt: 'Be kind.', history, message: 'And now?', tokenBudget: 1_000 });
    expect(estimatePromptTokens(prompt)).toBeLessThanOrEqual(1_000);
    expect(prompt.length).toBeGreaterThan(3);
    expect(prompt.at(-2)!.content).toBe(history.at(-1)!.text);
    expect(prompt[1]!.role).toBe('user');
  });

  it('keeps the current message even when one pasted essay would fill the budget', () => {
    const prompt = buildPrompt({ systemPrompt: 'Be kind.', history: [turn(0)], message: 'long '.repeat(5_000), tokenBudget: 1_000 });
    expect(estimatePromptTokens(prompt)).toBeLessThanOrEqual(1_000);
    expect(prompt.at(-1)!.content.startsWith('long long')).toBe(true);
  });

  it('keeps the newest facts when facts alone would not fit', () => {
    const facts = Array.from({ length: 50 }, (_, i) => `fact ${i}: ${'x'.repeat(100)}`);
    const prompt = buildPrompt({ systemPrompt: 'Be kind.', facts, history: [], message: 'Hi', tokenBudget: 600 });
    expect(estimatePromptTokens(prompt)).toBeLessThanOrEqual(600);
    expect(prompt[0]!.content).toContain('fact 49:');
    expect(prompt[0]!.content).not.toContain('fact 0:');
  });
});
