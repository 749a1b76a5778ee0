import type { Language } from '../util/language.js';
import { CRISIS_CATEGORIES, CRISIS_RULES, IDIOMS, SPELLED_OUT_KEYS, type CrisisCategory } from './crisis-phrases.js';
import { foldText } from './fold-text.js';
import { compilePhrases, compilePhrasesByLanguage, matchedLanguage } from './phrase-pattern.js';
import { buildTriggerIndex, candidateLists } from './phrase-triggers.js';

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
// Rule list 2i is category i's strong phrases, 2i+1 its weak ones (see phrase-triggers.ts).
const allPhrases = (byLanguage: Record<string, readonly string[] | undefined>) => Object.values(byLanguage).flatMap((p) => p ?? []);
const TRIGGERS = buildTriggerIndex(CRISIS_CATEGORIES.flatMap((c) => [allPhrases(CRISIS_RULES[c].strong), allPhrases(CRISIS_RULES[c].weak)]));
const EVERY_LIST = -1;

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
  return detect(text, true);
}

/** The same detector without the trigger screen: for the test that proves the screen changes nothing. */
export function detectCrisisUnscreened(text: string): CrisisDetection | undefined {
  return detect(text, false);
}

function detect(text: string, screened: boolean): CrisisDetection | undefined {
  const spelledOut: string[] = [];
  const folded = foldText(text, spelledOut);
  const plain = IDIOM_RE.test(folded) ? folded.replace(IDIOM_RE, ' ') : folded;
  IDIOM_RE.lastIndex = 0;
  const runs = spelledOut.join(' ');

  const candidates = screened ? candidateLists(TRIGGERS, plain) : EVERY_LIST;
  let weak: CrisisDetection | undefined;
  for (const [i, m] of MATCHERS.entries()) {
    const strong = candidates & (1 << (2 * i)) ? m.strong?.exec(plain) : undefined;
    if (strong) return { category: m.category, confidence: CONFIDENCE.strong, language: languageOf(strong) };
    if (runs && m.spelledOut?.test(runs)) return { category: m.category, confidence: CONFIDENCE.spelledOut };
    if (!weak && m.weak && candidates & (1 << (2 * i + 1))) {
      const hint = m.weak.exec(plain);
      if (hint) weak = { category: m.category, confidence: CONFIDENCE.weak, language: languageOf(hint) };
    }
  }
  return weak;
}
