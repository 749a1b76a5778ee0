import { foldText } from './fold-text.js';

/**
 * A screen in front of the phrase regexes. Every phrase (phrase-pattern.ts) has at least one mandatory
 * word token, and a regex can only match a text holding one of that token's words. So each rule list
 * gets a set of trigger words — for each phrase, its most selective mandatory token — and a rule list
 * whose triggers are all absent from the message is skipped. Most messages hold none, and the check is a
 * few Map lookups instead of a scan of every alternation at every word.
 *
 * The screen can only skip work, never change a result: a test runs the detector with and without it
 * over the labelled sets and thousands of generated messages.
 */
export interface TriggerIndex {
  /** Rule lists to run whatever the text (a phrase with no mandatory word). */
  always: number;
  /** Whole word → bit mask of the rule lists it can start a match for. */
  words: Map<string, number>;
  /** Word prefixes (`suicid*`), bucketed by their first two letters. */
  prefixes: Map<string, { prefix: string; mask: number }[]>;
}

interface Trigger {
  text: string;
  prefix: boolean;
}

const SKIPPED = /^(\^|\$|#|~\d)$/;

/** The triggers of one alternative of a token: its longest word (a prefix word stays a prefix). */
function alternativeTrigger(alternative: string): Trigger {
  const pieces: Trigger[] = alternative.split('+').flatMap((word) => {
    const prefix = word.endsWith('*');
    const words = foldText(prefix ? word.slice(0, -1) : word).trim().split(' ');
    return words.map((text, i) => ({ text, prefix: prefix && i === words.length - 1 }));
  });
  return pieces.reduce((best, piece) => (piece.text.length > best.text.length ? piece : best));
}

/** The triggers of a phrase: the alternatives of its most selective mandatory token (undefined: none). */
export function phraseTriggers(phrase: string): Trigger[] | undefined {
  let best: Trigger[] | undefined;
  let bestScore = -1;
  for (const token of phrase.trim().split(/\s+/)) {
    if (SKIPPED.test(token) || token.endsWith('?')) continue;
    const inner = token.startsWith('(') && token.endsWith(')') ? token.slice(1, -1) : token;
    const triggers = inner.split('|').map(alternativeTrigger);
    // Longer words are rarer: prefer the token whose shortest trigger is longest, then the one with fewer.
    const score = Math.min(...triggers.map((t) => t.text.length)) * 1000 - triggers.length;
    if (score > bestScore) {
      best = triggers;
      bestScore = score;
    }
  }
  return best;
}

/** One index over several rule lists; list i is bit i of the masks. */
export function buildTriggerIndex(lists: readonly (readonly string[])[]): TriggerIndex {
  const index: TriggerIndex = { always: 0, words: new Map(), prefixes: new Map() };
  lists.forEach((phrases, i) => {
    const bit = 1 << i;
    for (const phrase of phrases) {
      const triggers = phraseTriggers(phrase);
      if (!triggers) {
        index.always |= bit;
        continue;
      }
      for (const { text, prefix } of triggers) {
        if (!prefix) {
          index.words.set(text, (index.words.get(text) ?? 0) | bit);
        } else if (text.length < 2) {
          index.always |= bit;
        } else {
          const bucket = index.prefixes.get(text.slice(0, 2)) ?? [];
          bucket.push({ prefix: text, mask: bit });
          index.prefixes.set(text.slice(0, 2), bucket);
        }
      }
    }
  });
  return index;
}

/** Bit mask of the rule lists that could match `folded` (space-separated folded words). */
export function candidateLists(index: TriggerIndex, folded: string): number {
  let mask = index.always;
  let start = 0;
  while (start < folded.length) {
    let end = folded.indexOf(' ', start);
    if (end === -1) end = folded.length;
    if (end > start) {
      const word = folded.slice(start, end);
      mask |= index.words.get(word) ?? 0;
      const bucket = word.length >= 2 ? index.prefixes.get(word.slice(0, 2)) : undefined;
      if (bucket) for (const p of bucket) if (word.startsWith(p.prefix)) mask |= p.mask;
    }
    start = end + 1;
  }
  return mask;
}
