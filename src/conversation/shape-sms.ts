import type { Language } from '../util/language.js';
import { countSegments, isGsm7, isGsm7Char } from './sms-encoding.js';

/** Twilio refuses a message body over 1,600 characters. */
export const SMS_MAX_CHARS = 1_600;

export interface SmsShapeOptions {
  /** Billed segments a reply may take; the text is cut at a sentence end to fit. */
  maxSegments?: number;
  /** The reply's language: accented letters stay (and the message goes UCS-2) only where the language needs them. */
  language?: Language;
  /** Strip accents in every language to stay in GSM-7: cheaper, less correct. */
  forceGsm?: boolean;
}

// English and German are written entirely in GSM-7 (ä ö ü ß are in it); a stray "naïve" or "résumé"
// is not worth tripling the cost of the message. Spanish, French and Portuguese need their accents.
const GSM_LANGUAGES = new Set<Language>(['en', 'de']);

/** Characters that fit the segment budget in the encoding this language's replies will likely use. */
export function smsCharBudget(maxSegments: number, language: Language, forceGsm = false): number {
  const gsm = forceGsm || GSM_LANGUAGES.has(language);
  if (maxSegments === 1) return gsm ? 160 : 70;
  return maxSegments * (gsm ? 153 : 67);
}

/**
 * Makes model output fit a text message: plain text (no markdown), typography normalised to GSM-7
 * (curly quotes, dashes, ellipses, odd spaces), emoji dropped, then cut at a sentence end to the
 * segment budget and never over the provider's cap.
 */
export function shapeSmsReply(text: string, options: SmsShapeOptions = {}): string {
  const { maxSegments = 3, language, forceGsm = false } = options;
  const plain = stripMarkdown(text);
  let shaped = tidyWhitespace(removeEmoji(normaliseTypography(plain)));
  // An answer that was only emoji keeps them: something is better than an empty message.
  if (!/[\p{L}\p{N}]/u.test(shaped)) shaped = tidyWhitespace(plain);
  if (forceGsm || (language && GSM_LANGUAGES.has(language))) shaped = transliterateToGsm(shaped);
  return fitToSegments(shaped, maxSegments, SMS_MAX_CHARS);
}

function stripMarkdown(text: string): string {
  return text
    .replace(/^```[^\n]*$/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])\*(?![\s*])([^*\n]+?)\*(?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '')
    .replace(/^[ \t]*[*+•▪●◦‣⁃][ \t]+/gm, '- ');
}

// Characters that carry no meaning a GSM-7 stand-in would lose. Anything not here but with a GSM-7
// compatibility form (NFKC: full-width letters, superscripts, ligatures) is folded too.
const TYPOGRAPHY: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '´': "'", '`': "'", '‹': "'", '›': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '⁃': '-',
  '…': '...', '•': '-', '·': '-', '●': '-', '▪': '-', '◦': '-', '‣': '-',
  '\u00A0': ' ', '\u202F': ' ', '\u205F': ' ', '\u3000': ' ', '\t': ' ',
  '\u200B': '', '\u200C': '', '\u2060': '', '\uFEFF': '', '\u00AD': '',
  '™': 'TM', '©': '(c)', '®': '(R)', '×': 'x', '÷': '/', '½': '1/2', '¼': '1/4', '¾': '3/4',
  '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~', '→': '->', '←': '<-', '⇒': '=>', '°': '', '✓': '', '✔': '', '✅': '',
};

function normaliseTypography(text: string): string {
  let out = '';
  for (const char of text) {
    if (isGsm7Char(char)) out += char;
    else if (char in TYPOGRAPHY) out += TYPOGRAPHY[char];
    else if (/[\u2000-\u200A]/.test(char)) out += ' ';
    else {
      const folded = char.normalize('NFKC');
      out += folded !== char && isGsm7(folded) ? folded : char;
    }
  }
  return out;
}

// Pictographs and what glues them together (zero-width joiner, variation selectors, skin tones, flags,
// keycaps), with the spaces before them: "rest 😊." becomes "rest." and "question ! 😊" keeps its French "!".
const EMOJI = /[ \t]*[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{20E3}\u{200D}]+/gu;

function removeEmoji(text: string): string {
  return text.replace(EMOJI, '');
}

function tidyWhitespace(text: string): string {
  return text
    .replace(/[ ]{2,}/g, ' ')
    .replace(/[ ]*\n[ ]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Accented letters outside GSM-7 lose their accent (á → a, ç → c, œ → oe); letters GSM-7 has (é, ñ, ü) stay. */
function transliterateToGsm(text: string): string {
  let out = '';
  for (const char of text) {
    if (isGsm7Char(char)) out += char;
    else if (char === 'œ' || char === 'Œ') out += char === 'œ' ? 'oe' : 'OE';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += isGsm7(bare) ? bare : char;
    }
  }
  return out;
}

// "1." in a list and common abbreviations end with a period but not a sentence.
const NOT_A_SENTENCE_END = /(?:^|\s)(?:\d{1,2}|e\.g|i\.e|etc|approx|ca|dr|mr|mrs|ms|st|vs|sr|sra|dra|z\.b|p\.ex)\.$/i;

/** Offsets just after each sentence end (., !, ? with closing quotes) or line break. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(/[.!?]+["')\]]*(?=\s)|\n/g)) {
    const end = match.index + (match[0] === '\n' ? 0 : match[0].length);
    if (!NOT_A_SENTENCE_END.test(text.slice(Math.max(0, end - 8), end))) ends.push(end);
  }
  return ends;
}

/**
 * The longest head of the text that fits the segment budget and the character cap: ending at a sentence
 * when one ends late enough, else at a word, marked with "...".
 */
function fitToSegments(text: string, maxSegments: number, maxChars: number): string {
  const fits = (t: string) => t.length <= maxChars && countSegments(t).segments <= maxSegments;
  if (fits(text)) return text;
  // Segments only grow as the head grows, so the longest fitting head is found by binary search.
  const wordEnds = [...text.matchAll(/\S(?=\s)/g)].map((m) => m.index + 1);
  const wordCut = longestFitting(wordEnds.length, (i) => `${text.slice(0, wordEnds[i]).replace(/[\s,;:-]+$/, '')}...`, fits) ?? '';
  const sentences = sentenceEnds(text).map((end) => text.slice(0, end).trimEnd()).filter(Boolean);
  const sentenceCut = longestFitting(sentences.length, (i) => sentences[i]!, fits);
  // A sentence end is the better place to stop, unless it throws away more than half of what would fit.
  if (sentenceCut && sentenceCut.length >= wordCut.length / 2) return sentenceCut;
  if (wordCut) return wordCut;
  // One enormous "word" (a URL, a run of characters): cut by characters.
  const chars = [...text];
  return longestFitting(chars.length, (i) => `${chars.slice(0, i + 1).join('')}...`, fits) ?? '';
}

/** The longest of `count` heads (head(i) grows with i) that fits, by binary search. */
function longestFitting(count: number, head: (i: number) => string, fits: (t: string) => boolean): string | undefined {
  let lo = 0;
  let hi = count - 1;
  let best: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = head(mid);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
