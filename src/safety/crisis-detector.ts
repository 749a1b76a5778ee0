import type { Language } from '../util/language.js';
import { CRISIS_CATEGORIES, CRISIS_RULES, IDIOMS, SPELLED_OUT_KEYS, type CrisisCategory } from './crisis-phrases.js';
import { foldText } from './fold-text.js';
import { compilePhrases, compilePhrasesByLanguage, matchedLanguage } from './phrase-pattern.js';

export type { CrisisCategory } from './crisis-phrases.js';

export interface CrisisDetection {
  category: CrisisCategory;
  /** 0–1: how plainly the message said it (a stated intent scores higher than a hint). */
  confidence: number;
  /** The language of the phrase that matched: a better guess at the person's language than word counts. */
  language?: Language;
}

// A phrase said plainly; the same phrase found only inside a letter-by-letter run; a hint.
const CONFIDENCE = { strong: 0.95, spelledOut: 0.85, weak: 0.6 } as const;

// Compiled once at load: a handful of alternations, not hundreds of separate regexes per message.
const IDIOM_RE = compilePhrases(IDIOMS, 'g');
const MATCHERS = CRISIS_CATEGORIES.map((category) => ({
  category,
  strong: compilePhrasesByLanguage(CRISIS_RULES[category].strong),
  weak: compilePhrasesByLanguage(CRISIS_RULES[category].weak),
  spelledOut: SPELLED_OUT_KEYS[category].length > 0 ? new RegExp(SPELLED_OUT_KEYS[category].join('|')) : undefined,
}));

function languageOf(match: RegExpExecArray): Language | undefined {
  const language = matchedLanguage<Language | 'any'>(match);
  return language === 'any' ? undefined : language;
}

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
    const strong = m.strong?.exec(plain);
    if (strong) return { category: m.category, confidence: CONFIDENCE.strong, language: languageOf(strong) };
    if (runs && m.spelledOut?.test(runs)) return { category: m.category, confidence: CONFIDENCE.spelledOut };
    if (!weak && m.weak) {
      const hint = m.weak.exec(plain);
      if (hint) weak = { category: m.category, confidence: CONFIDENCE.weak, language: languageOf(hint) };
    }
  }
  return weak;
}
