/**
 * Folds a message into the plain form the safety matchers read, so one pattern covers its disguises:
 * case, accents and full-width letters (NFKD), leetspeak (`k1ll mys3lf`, `$uicide`), punctuation or
 * spaces inside a word (`k.i.l.l`, `s-u-i-c-i-d-e`, `k i l l`), and stretched letters (`diiie`, which
 * also means every doubled letter becomes one: patterns are folded the same way, so they still match).
 *
 * The result is lower-case a–z words (and numbers) separated by single spaces, with a space at each end,
 * so a matcher can test whole words as ` word `. It runs on every inbound message in the webhook, so it is
 * one copying pass plus two cheap regexes (NFKD only when the text is not plain ASCII).
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

// The webhook folds each message twice in a row (crisis check, then the plain-language STOP check):
// remembering the last one makes the second fold free. foldText is pure, so this cannot go stale.
let last: { text: string; folded: string; runs: string[] } | undefined;

export function foldText(text: string, spelledOut?: string[]): string {
  if (last?.text !== text) {
    let s = text.toLowerCase();
    if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '').replace(LIGATURE_RE, (c) => LIGATURES[c]!);
    const runs: string[] = [];
    const words = toWords(s.replace(DIGIT_OR_LEET_RUN, readLeet));
    last = { text, folded: ` ${joinSpelledOut(words, runs)} `, runs };
  }
  if (spelledOut) spelledOut.push(...last.runs);
  return last.folded;
}

/**
 * Keeps a–z and 0–9, turns every other run into one space, drops symbols inside a word ("s-u-i-c-i-d-e",
 * "don't", "k*ll") and squeezes repeated letters ("diiie" → "die"), in one pass that copies whole slices:
 * the regex replaces it stands for cost several times more on a long message.
 */
function toWords(s: string): string {
  let out = '';
  let start = -1; // start of the slice being copied, or -1
  let previous = SPACE; // last character kept (SPACE after a break)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    if (letter || (c >= 48 && c <= 57)) {
      if (letter && c === previous) {
        if (start >= 0) out += s.slice(start, i);
        start = -1;
        continue;
      }
      if (start < 0) {
        if (previous === SPACE && out.length > 0) out += ' ';
        start = i;
      }
      previous = c;
      continue;
    }
    if (start >= 0) out += s.slice(start, i);
    start = -1;
    if (isLetterCode(previous)) {
      let j = i;
      while (j < s.length && isDisguise(s.charCodeAt(j))) j++;
      if (j > i && isLetterCode(s.charCodeAt(j))) {
        i = j - 1; // a disguise inside a word: skip it, the word goes on
        continue;
      }
    }
    previous = SPACE;
  }
  if (start >= 0) out += s.slice(start);
  return out;
}

const SPACE = 32;
const isLetterCode = (c: number) => c >= 97 && c <= 122;
// Between two letters these end a word ("myself.nobody"); any other symbol there is a disguise.
const WORD_BREAKS = new Set([...'.,;:?¿¡…()[]"«»“”/'].map((ch) => ch.charCodeAt(0)));
const isDisguise = (c: number) => c > 32 && c !== 160 && !(c >= 48 && c <= 57) && !isLetterCode(c) && !WORD_BREAKS.has(c) && !(c >= 0x2000 && c <= 0x200b);

/**
 * "k i l l" → "kill": three or more single letters in a row are a word spelled out. Where the word
 * breaks were lost ("K I L L M Y S E L F"), the caller can match the joined runs (`spelledOut`) as one.
 */
function joinSpelledOut(words: string, spelledOut?: string[]): string {
  if (!MAYBE_SPELLED_OUT.test(words)) return words;
  return words.replace(SPELLED_OUT, (run) => {
    const joined = run.replace(/ /g, '').replace(SQUEEZE, '$1');
    spelledOut?.push(joined);
    return joined;
  });
}
