import { foldText } from './fold-text.js';

/**
 * A tiny phrase language for the safety matchers, compiled once to one regex per rule list. Phrases are
 * written in plain words (accents, doubled letters and apostrophes as people write them) and folded with
 * the same `foldText` as the messages, so "kill myself" matches however the message disguised it.
 *
 *   kill myself           words in a row
 *   (kill|unalive) me     alternatives
 *   my+self               several words inside one alternative
 *   suicid*               a word starting with "suicid"
 *   to?  (a|b)?           an optional word
 *   ~2                    up to two words of anything
 *   #                     a number
 *   ^ … / … $             the phrase starts / ends the message
 */
export function compilePhrase(phrase: string): string {
  const tokens = phrase.trim().split(/\s+/);
  const anchored = tokens[0] === '^';
  return `${anchored ? '^' : ''} ${tokens.slice(anchored ? 1 : 0).map(compileToken).join('')}`;
}

function compileToken(token: string): string {
  if (token === '$') return '$';
  if (token === '#') return '[0-9]+ ';
  const gap = /^~(\d)$/.exec(token);
  if (gap) return `(?:[a-z0-9]+ ){0,${gap[1]}}`;
  const optional = token.endsWith('?');
  const body = optional ? token.slice(0, -1) : token;
  const inner = body.startsWith('(') && body.endsWith(')') ? body.slice(1, -1) : body;
  if (/[()]/.test(inner)) throw new Error(`phrase token "${token}" nests groups; list the alternatives flat`);
  const alternatives = inner.split('|').map((alt) => alt.split('+').map(compileWord).join(' '));
  const group = `(?:${alternatives.join('|')}) `;
  return optional ? `(?:${group})?` : group;
}

function compileWord(word: string): string {
  const prefix = word.endsWith('*');
  const folded = foldText(prefix ? word.slice(0, -1) : word).trim();
  if (!/^[a-z0-9]+( [a-z0-9]+)*$/.test(folded)) throw new Error(`phrase word "${word}" folds to nothing usable`);
  return prefix ? `${folded}[a-z]*` : folded;
}

/** One regex for a list of phrases (V8 runs one alternation faster than many separate tests). */
export function compilePhrases(phrases: readonly string[], flags = ''): RegExp {
  return new RegExp(phraseAlternation(phrases), flags);
}

/**
 * Every phrase starts with a word boundary (a space); saying so once in front of the alternation lets the
 * regex engine skip every position that is not a space instead of trying each phrase there.
 */
function phraseAlternation(phrases: readonly string[]): string {
  const compiled = phrases.map(compilePhrase);
  const anchored = compiled.filter((p) => p.startsWith('^')).map((p) => p.slice(2));
  const free = compiled.filter((p) => !p.startsWith('^')).map((p) => p.slice(1));
  const parts = [free.length > 0 ? ` (?:${free.join('|')})` : '', anchored.length > 0 ? `^ (?:${anchored.join('|')})` : ''].filter(Boolean);
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/**
 * One regex for phrases grouped by language, each language a named group, so a match also says which
 * language's phrase it was (`matchedLanguage`). Undefined when there are no phrases.
 */
export function compilePhrasesByLanguage<L extends string>(byLanguage: Partial<Record<L, readonly string[]>>): RegExp | undefined {
  const groups = (Object.entries(byLanguage) as [L, readonly string[]][])
    .filter(([, phrases]) => phrases.length > 0)
    .map(([language, phrases]) => `(?<${language}>${phraseAlternation(phrases)})`);
  return groups.length > 0 ? new RegExp(groups.join('|')) : undefined;
}

export function matchedLanguage<L extends string>(match: RegExpExecArray): L | undefined {
  const groups = match.groups ?? {};
  return (Object.keys(groups) as L[]).find((language) => groups[language] !== undefined);
}
