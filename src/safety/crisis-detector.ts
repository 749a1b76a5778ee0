import { CRISIS_CATEGORIES, CRISIS_RULES, IDIOMS, SPELLED_OUT_KEYS, type CrisisCategory } from './crisis-phrases.js';
import { foldText } from './fold-text.js';
import { compilePhrases } from './phrase-pattern.js';

export type { CrisisCategory } from './crisis-phrases.js';

export interface CrisisDetection {
  category: CrisisCategory;
  /** 0–1: how plainly the message said it (a stated intent scores higher than a hint). */
  confidence: number;
}

// A phrase said plainly; the same phrase found only inside a letter-by-letter run; a hint.
const CONFIDENCE = { strong: 0.95, spelledOut: 0.85, weak: 0.6 } as const;

// Compiled once at load: a handful of alternations, not hundreds of separate regexes per message.
const IDIOM_RE = compilePhrases(IDIOMS, 'g');
const MATCHERS = CRISIS_CATEGORIES.map((category) => ({
  category,
  strong: compilePhrases(CRISIS_RULES[category].strong),
  weak: CRISIS_RULES[category].weak.length > 0 ? compilePhrases(CRISIS_RULES[category].weak) : undefined,
  spelledOut: SPELLED_OUT_KEYS[category].length > 0 ? new RegExp(SPELLED_OUT_KEYS[category].join('|')) : undefined,
}));

/**
 * Reads one message for suicide, self-harm, violence toward others, abuse or a medical emergency, in
 * English, Spanish, French, Portuguese and German. Returns the most urgent category found (in the order
 * of CRISIS_CATEGORIES: a suicidal overdose is answered as suicide, with emergency numbers too), or
 * undefined. Pure and synchronous: it runs in the webhook on every message.
 */
export function detectCrisis(text: string): CrisisDetection | undefined {
  const spelledOut: string[] = [];
  const folded = foldText(text, spelledOut);
  const plain = IDIOM_RE.test(folded) ? folded.replace(IDIOM_RE, ' ') : folded;
  IDIOM_RE.lastIndex = 0;
  const runs = spelledOut.join(' ');

  let weak: CrisisDetection | undefined;
  for (const m of MATCHERS) {
    if (m.strong.test(plain)) return { category: m.category, confidence: CONFIDENCE.strong };
    if (runs && m.spelledOut?.test(runs)) return { category: m.category, confidence: CONFIDENCE.spelledOut };
    if (!weak && m.weak?.test(plain)) weak = { category: m.category, confidence: CONFIDENCE.weak };
  }
  return weak;
}
