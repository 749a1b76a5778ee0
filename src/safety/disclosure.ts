import type { Deps } from '../deps.js';
import { resolveLanguage, type Language } from '../util/language.js';

/** Said plainly, in the person's language, at the top of the reply. */
export const AI_DISCLOSURE: Record<Language, string> = {
  en: "You're talking to an AI assistant, not a person.",
  es: 'Estás hablando con un asistente de IA, no con una persona.',
  fr: 'Vous parlez à un assistant IA, pas à une personne.',
  pt: 'Você está falando com um assistente de IA, não com uma pessoa.',
  de: 'Sie sprechen mit einem KI-Assistenten, nicht mit einem Menschen.',
};

export function disclosureDue(disclosedAt: Date | null, now: Date, intervalMs: number): boolean {
  return disclosedAt === null || now.getTime() - disclosedAt.getTime() >= intervalMs;
}

/**
 * The disclosure line for this reply, or undefined when the person was told recently: the first reply to
 * a new person, then again once AI_DISCLOSURE_INTERVAL_HOURS have passed. The caller records
 * `people.disclosed_at` once the reply is saved (a crash before that discloses again: better twice than never).
 */
export function disclosureFor(
  deps: Deps,
  person: { disclosed_at: Date | null; locale: string | null; country: string | null },
  inboundText: string,
): string | undefined {
  if (!disclosureDue(person.disclosed_at, deps.clock.now(), deps.config.safety.disclosureIntervalMs)) return undefined;
  return AI_DISCLOSURE[resolveLanguage({ locale: person.locale, text: inboundText, country: person.country })];
}
