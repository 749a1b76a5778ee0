import { describe, expect, it } from 'vitest';
import { detectCrisis, detectCrisisUnscreened } from '../../src/safety/crisis-detector.js';
import { CRISIS_CATEGORIES, CRISIS_RULES } from '../../src/safety/crisis-phrases.js';
import { EVAL_SET } from './crisis-eval-set.js';
import { HOLDOUT_SET } from './crisis-holdout-set.js';

// A small seeded PRNG (mulberry32): the generated messages are the same on every run.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FILLER = 'i really just the so my today now very please and but it was had what they we ok'.split(' ');

/** A message that says one phrase (random alternatives, optional words, gaps), inside other words. */
function sayPhrase(phrase: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const words: string[] = [];
  for (const token of phrase.trim().split(/\s+/)) {
    if (token === '^' || token === '$') continue;
    if (token === '#') words.push(String(Math.floor(random() * 90) + 2));
    else if (/^~\d$/.test(token)) for (let n = Math.floor(random() * (Number(token[1]) + 1)); n > 0; n--) words.push(pick(FILLER));
    else if (token.endsWith('?') && random() < 0.5) continue;
    else {
      const inner = token.replace(/\?$/, '').replace(/^\((.*)\)$/, '$1');
      words.push(...pick(inner.split('|')).split('+').map((w) => (w.endsWith('*') ? w.slice(0, -1) + pick(['', 'ing', 'e', 's']) : w)));
    }
  }
  const before = phrase.trim().startsWith('^') ? [] : Array.from({ length: Math.floor(random() * 4) }, () => pick(FILLER));
  const after = phrase.trim().endsWith('$') ? [] : Array.from({ length: Math.floor(random() * 4) }, () => pick(FILLER));
  return [...before, ...words, ...after].join(' ');
}

describe('crisis trigger screen', () => {
  it('gives the same result as the unscreened detector on every labelled message', () => {
    for (const { text } of [...EVAL_SET, ...HOLDOUT_SET]) expect(detectCrisis(text), text).toEqual(detectCrisisUnscreened(text));
  });

  it('gives the same result on thousands of messages generated from the phrases themselves', () => {
    const random = rng(20261123);
    const phrases = CRISIS_CATEGORIES.flatMap((c) => [CRISIS_RULES[c].strong, CRISIS_RULES[c].weak]).flatMap((byLanguage) => Object.values(byLanguage).flat());
    let fired = 0;
    for (let round = 0; round < 4; round++) {
      for (const phrase of phrases) {
        const text = sayPhrase(phrase as string, random);
        const screened = detectCrisis(text);
        expect(screened, text).toEqual(detectCrisisUnscreened(text));
        if (screened) fired++;
      }
    }
    // Most generated messages say a crisis phrase, so the screen is tested where it matters: letting them through.
    expect(fired).toBeGreaterThan(phrases.length * 4 * 0.6);
  });
});
