/**
 * The languages the service speaks (prompts, fixed texts, voices). One detector for every caller
 * (commands, crisis replies, fallbacks, voice), so they never disagree about a person's language.
 */
export const LANGUAGES = ['en', 'es', 'fr', 'pt', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string | null | undefined): value is Language => LANGUAGES.includes(value as Language);

// Short, frequent function words that rarely appear in the other four languages.
const MARKERS: Record<Language, string[]> = {
  en: ['the', 'is', 'are', 'you', 'my', 'and', 'what', 'how', 'i', 'me', 'please', 'have', 'can', 'it', 'to', 'of', 'am', 'with', 'this'],
  es: ['el', 'la', 'los', 'las', 'es', 'estoy', 'tengo', 'que', 'qué', 'y', 'mi', 'por', 'para', 'con', 'una', 'como', 'cómo', 'yo', 'muy', 'hola', 'gracias', 'pero', 'ayuda'],
  fr: ['le', 'la', 'les', 'est', 'je', 'suis', 'et', 'mon', 'ma', 'pour', 'avec', 'une', 'des', 'pas', 'vous', 'bonjour', 'merci', "j'ai", 'comment', 'très', 'aide'],
  pt: ['o', 'os', 'as', 'é', 'estou', 'tenho', 'que', 'e', 'meu', 'minha', 'para', 'com', 'uma', 'não', 'você', 'olá', 'obrigado', 'obrigada', 'muito', 'ajuda', 'como'],
  de: ['der', 'die', 'das', 'ist', 'ich', 'bin', 'und', 'mein', 'meine', 'für', 'mit', 'eine', 'nicht', 'sie', 'hallo', 'danke', 'habe', 'wie', 'sehr', 'hilfe'],
};
const MARKER_SETS = Object.fromEntries(Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words)])) as Record<Language, Set<string>>;

/**
 * Best guess at the language of a short text, or undefined when there is too little to tell.
 * Word-list scoring: fast (no model), good enough for SMS-length messages in five languages.
 */
export function detectLanguage(text: string): Language | undefined {
  const words = text.toLowerCase().normalize('NFC').match(/[\p{L}']+/gu);
  if (!words) return undefined;
  const scores = LANGUAGES.map((lang) => [lang, words.reduce((n, w) => n + (MARKER_SETS[lang].has(w) ? 1 : 0), 0)] as const);
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] === 0 || best[1] === second?.[1]) return undefined;
  return best[0];
}

const COUNTRY_LANGUAGE: Record<string, Language> = {
  US: 'en', CA: 'en', GB: 'en', IE: 'en', AU: 'en', NZ: 'en', ZA: 'en', NG: 'en', KE: 'en', IN: 'en', PH: 'en', SG: 'en',
  ES: 'es', MX: 'es', AR: 'es', CO: 'es', CL: 'es', PE: 'es', VE: 'es', EC: 'es', GT: 'es', CU: 'es', BO: 'es', HN: 'es',
  PY: 'es', SV: 'es', NI: 'es', CR: 'es', PA: 'es', UY: 'es',
  FR: 'fr', BE: 'fr', LU: 'fr', SN: 'fr', CI: 'fr', CM: 'fr', CD: 'fr', MA: 'fr', DZ: 'fr', TN: 'fr',
  PT: 'pt', BR: 'pt', AO: 'pt', MZ: 'pt', CV: 'pt', ST: 'pt', GW: 'pt',
  DE: 'de', AT: 'de', CH: 'de',
};

export function languageForCountry(country: string | null | undefined): Language | undefined {
  return country ? COUNTRY_LANGUAGE[country] : undefined;
}

/**
 * The language to answer in: what they just wrote in (when it is clear), else their saved locale, else
 * their country's language, else English. A call has no text yet, so it starts from the saved locale.
 */
export function resolveLanguage(input: { locale?: string | null; text?: string; country?: string | null }): Language {
  const written = input.text ? detectLanguage(input.text) : undefined;
  if (written) return written;
  const saved = input.locale?.slice(0, 2);
  if (isLanguage(saved)) return saved;
  return languageForCountry(input.country) ?? 'en';
}
