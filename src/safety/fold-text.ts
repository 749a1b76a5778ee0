/**
 * Folds a message into the plain form the safety matchers read, so one pattern covers its disguises:
 * case, accents and full-width letters (NFKD), leetspeak (`k1ll mys3lf`, `$uicide`), punctuation or
 * spaces inside a word (`k.i.l.l`, `s-u-i-c-i-d-e`, `k i l l`), and stretched letters (`diiie`, which
 * also means every doubled letter becomes one: patterns are folded the same way, so they still match).
 *
 * The result is lower-case a–z words separated by single spaces, with a space at each end, so a matcher
 * can test whole words as ` word `. One pass over the characters plus three small regexes: it runs on
 * every inbound message in the webhook.
 */

// Digits and symbols read as letters when they sit in a word.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };
// Letters NFKD leaves whole.
const LIGATURES: Record<string, string> = { ß: 'ss', œ: 'oe', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
// Between two letters these end a word ("myself.nobody"); any other symbol there is a disguise and is dropped.
const WORD_BREAKS = new Set(['.', ',', ';', ':', '?', '¿', '¡', '…', '(', ')', '[', ']', '"', '«', '»', '“', '”', '/']);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

export function foldText(text: string, spelledOut?: string[]): string {
  const base = text.normalize('NFKD').toLowerCase();
  const chars: string[] = [];
  for (const ch of base) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    chars.push(LIGATURES[ch] ?? ch);
  }
  const letters = chars.join('');

  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    if (isLetter(ch)) {
      out += ch;
      continue;
    }
    const prev = letters[i - 1];
    const next = letters[i + 1];
    const leet = LEET[ch];
    // A leet character counts when it touches a letter and is not part of a number ("30 pills" stays a number).
    if (leet && (isLetter(prev) || isLetter(next)) && !isDigit(prev) && !isDigit(next)) {
      // '!' and '|' only inside a word ("k!ll"), never as the end of a sentence ("help!").
      if ((ch !== '!' && ch !== '|') || (isLetter(prev) && isLetter(next))) {
        out += leet;
        continue;
      }
    }
    // Any other symbol between two letters is a disguise ("s-u-i-c-i-d-e", "don't"): drop it.
    if (isLetter(prev) && isLetter(next) && !WORD_BREAKS.has(ch) && ch.trim() !== '') continue;
    out += isDigit(ch) ? ch : ' ';
  }

  const words = out.replace(/[^a-z0-9]+/g, ' ').trim();
  return ` ${joinSpelledOut(words, spelledOut).replace(SQUEEZE, '$1')} `;
}

const SQUEEZE = /([a-z])\1+/g;
const SPELLED_OUT = /(?:^|(?<= ))[a-z](?: [a-z]){2,}(?= |$)/g;

/**
 * "k i l l" → "kill": three or more single letters in a row are a word spelled out. Where the word
 * breaks were lost ("K I L L M Y S E L F"), the caller can match the joined runs (`spelledOut`) as one.
 */
function joinSpelledOut(words: string, spelledOut?: string[]): string {
  if (!words.includes(' ')) return words;
  return words.replace(SPELLED_OUT, (run) => {
    const joined = run.replace(/ /g, '');
    spelledOut?.push(joined.replace(SQUEEZE, '$1'));
    return joined;
  });
}
