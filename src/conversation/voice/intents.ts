import type { Language } from '../../util/language.js';

/**
 * What a caller's words mean for the call itself (not for the assistant): "goodbye" ends it, "en
 * español" switches its language. Matched on the whole utterance, after dropping polite filler words,
 * so "okay thanks, bye!" ends the call but "how do I say goodbye to my mum?" goes to the assistant.
 */

/** Lower case, accents folded, punctuation dropped: speech recognisers are inconsistent about all three. */
export function speechWords(speech: string): string[] {
  return speech
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];
}

const words = (list: string) => new Set(list.split(' '));

// Words that may surround an intent without changing it, in the five languages.
const POLITE = words(
  'ok okay yes no well so then thanks thank you very much that s all for now good ' +
  'si bueno vale gracias muchas pues eso es todo entonces ' +
  'oui non bon merci beaucoup alors c est tout ' +
  'sim nao bom obrigado obrigada muito entao e isso tudo ' +
  'ja nein gut danke schon sehr also das wars war es',
);
// "Stop" on a call means "I'm done", not the SMS opt-out keyword: it ends the call and unsubscribes no one.
const GOODBYE = words('goodbye bye byebye adios chao chau ciao luego revoir tchau adeus logo tschuss tschau wiedersehen wiederhoren stop quit cancel enough basta arrete stopp');
// Words that say goodbye only in company ("au revoir", "hasta luego", "até logo", "auf Wiedersehen").
const GOODBYE_PARTS = words('au hasta ate auf');

export function isGoodbye(speech: string): boolean {
  const meaningful = speechWords(speech).filter((word) => !POLITE.has(word));
  return meaningful.some((word) => GOODBYE.has(word)) && meaningful.every((word) => GOODBYE.has(word) || GOODBYE_PARTS.has(word));
}

const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en', ingles: 'en', anglais: 'en', englisch: 'en',
  spanish: 'es', espanol: 'es', castellano: 'es', espagnol: 'es', espanhol: 'es', spanisch: 'es',
  french: 'fr', frances: 'fr', francais: 'fr', franzosisch: 'fr',
  portuguese: 'pt', portugues: 'pt', portugais: 'pt', portugiesisch: 'pt',
  german: 'de', aleman: 'de', allemand: 'de', alemao: 'de', deutsch: 'de',
};

// "Can you speak Spanish, please", "en français", "em português", "auf Deutsch", "quiero hablar en inglés"…
const REQUEST = words(
  'please can could would you we i do does want like to speak talk in the language switch change ' +
  'por favor puede puedes quiero hablar habla hable hablame en el idioma cambiar al a ' +
  's il vous plait pouvez voulez je veux voudrais parler parle parlez en la langue ' +
  'pode quero falar fala fale em lingua mudar para ' +
  'bitte konnen sie ich mochte will sprechen sprich auf sprache wechseln',
);

/** The language the caller asks to be spoken to in, when the whole utterance is such a request. */
export function requestedLanguage(speech: string): Language | undefined {
  const w = speechWords(speech).filter((word) => !REQUEST.has(word) && !POLITE.has(word));
  return w.length === 1 ? LANGUAGE_NAMES[w[0]!] : undefined;
}
