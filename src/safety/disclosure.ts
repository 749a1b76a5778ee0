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

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
const FOLDED_DISCLOSURES = new Set(Object.values(AI_DISCLOSURE).map(fold));

/**
 * History without the disclosure lines our replies started with: the model does not need them, and a
 * model shown them tends to start its own answers the same way. (Stored replies were shaped for SMS, so
 * the line is compared without accents.)
 */
export function withoutDisclosures<T extends { direction: 'inbound' | 'outbound'; text: string }>(turns: readonly T[]): T[] {
  return turns.map((turn) => {
    if (turn.direction !== 'outbound') return turn;
    const newline = turn.text.indexOf('\n');
    return newline > 0 && FOLDED_DISCLOSURES.has(fold(turn.text.slice(0, newline))) ? { ...turn, text: turn.text.slice(newline + 1) } : turn;
  });
}
