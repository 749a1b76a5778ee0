/**
 * Folds a message into the plain form the safety matchers read, so one pattern covers its disguises:
 * case, accents and full-width letters (NFKD), leetspeak (`k1ll mys3lf`, `$uicide`), punctuation or
 * spaces inside a word (`k.i.l.l`, `s-u-i-c-i-d-e`, `k i l l`), and stretched letters (`diiie`, which
 * also means every doubled letter becomes one: patterns are folded the same way, so they still match).
 *
 * The result is lower-case a–z words (and numbers) separated by single spaces, with a space at each end,
 * so a matcher can test whole words as ` word `. Built from a few native regex passes: it runs on every
 * inbound message in the webhook.
 */

// Digits and symbols read as letters when they sit in a word.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };
// Letters NFKD leaves whole.
const LIGATURES: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURE_RE = /[ßœæøłđı]/g;
const DIGIT_OR_LEET_RUN = /[0-9@$!|]+/g;
const IS_LETTER = /[a-z]/;
// A symbol between two letters is a disguise ("s-u-i-c-i-d-e", "don't", "k*ll") and is dropped; these
// instead end a word ("myself.nobody"), and so do spaces.
const SYMBOL_INSIDE_WORD = /([a-z])[^a-z0-9\s.,;:?¿¡…()[\]"«»“”/]+(?=[a-z])/g;
const NOT_WORD = /[^a-z0-9]+/g;
const SQUEEZE = /([a-z])\1+/g;
const SPELLED_OUT = /(?:^|(?<= ))[a-z](?: [a-z]){2,}(?= |$)/g;
const MAYBE_SPELLED_OUT = /\b[a-z] [a-z] [a-z]\b/;

/**
 * A run of digits/symbols is leetspeak when it sits inside a word ("br34th3", "k1ll") or is one character
 * at a word's edge ("0verdose", "t0"); "30 pills", "20weeks" and "988" stay numbers, "help!" a sentence.
 */
function readLeet(run: string, offset: number, whole: string): string {
  const before = IS_LETTER.test(whole[offset - 1] ?? '');
  const after = IS_LETTER.test(whole[offset + run.length] ?? '');
  if (!before && !after) return run;
  for (const c of run) if (!(c in LEET)) return run;
  if ((before && after) || (run.length === 1 && run !== '!' && run !== '|')) {
    let out = '';
    for (const c of run) out += LEET[c];
    return out;
  }
  return run;
}

export function foldText(text: string, spelledOut?: string[]): string {
  let s = text.toLowerCase();
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '').replace(LIGATURE_RE, (c) => LIGATURES[c]!);
  const words = s
    .replace(DIGIT_OR_LEET_RUN, readLeet)
    .replace(SYMBOL_INSIDE_WORD, '$1')
    .replace(NOT_WORD, ' ')
    .trim();
  return ` ${joinSpelledOut(words, spelledOut).replace(SQUEEZE, '$1')} `;
}

/**
 * "k i l l" → "kill": three or more single letters in a row are a word spelled out. Where the word
 * breaks were lost ("K I L L M Y S E L F"), the caller can match the joined runs (`spelledOut`) as one.
 */
function joinSpelledOut(words: string, spelledOut?: string[]): string {
  if (!MAYBE_SPELLED_OUT.test(words)) return words;
  return words.replace(SPELLED_OUT, (run) => {
    const joined = run.replace(/ /g, '');
    spelledOut?.push(joined.replace(SQUEEZE, '$1'));
    return joined;
  });
}
