import { setOptedOut } from '../../db/queries/people.js';
import type { Deps } from '../../deps.js';
import { crisisResourcesFor } from '../../safety/hotlines.js';
import { resolveLanguage, type Language } from '../../util/language.js';
import type { KnownPerson } from '../person-directory.js';
import { isOptOutRequest, optOutRequestLanguage } from './opt-out-request.js';
import { KEYWORD_TEXTS } from './opt-out-texts.js';
import type { Command, CommandContext } from './types.js';

// Carrier opt-out keywords (CTIA and Twilio's list) plus Spanish; matched on the whole message.
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE', 'ALTO', 'PARAR']);
const START_WORDS = new Set(['START', 'YES', 'UNSTOP']);
const HELP_WORDS = new Set(['HELP', 'INFO', 'AYUDA', 'AIDE', 'AJUDA', 'HILFE']);
// Keywords that name their own language, so the answer needs no guessing.
const KEYWORD_LANGUAGE: Record<string, Language> = { ALTO: 'es', PARAR: 'es', AYUDA: 'es', AIDE: 'fr', AJUDA: 'pt', HILFE: 'de' };

/** "S T O P", "opt-out", "Stop all" → STOP, OPTOUT, STOPALL: spacing and punctuation inside do not matter. */
const compact = (keyword: string) => keyword.replace(/[\s\p{P}\p{S}]/gu, '');

function languageOf({ keyword, message, person }: CommandContext): Language {
  return (
    KEYWORD_LANGUAGE[compact(keyword)] ??
    optOutRequestLanguage(message.body) ??
    resolveLanguage({ locale: person.locale, text: message.body, country: person.country })
  );
}

function fill(template: string, deps: Deps, extra: Record<string, string> = {}): string {
  const values: Record<string, string> = { program: deps.config.safety.help.programName, contact: deps.config.safety.help.supportContact, ...extra };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Opts the person out, here and in this instance's cache. False when they already were. */
export async function optOut(deps: Deps, person: KnownPerson): Promise<boolean> {
  const changed = await setOptedOut(deps.db, person.id, deps.clock.now(), { onlyIfOptedIn: true });
  deps.people.patch(person.phoneHash, { optedOut: true });
  return changed;
}

export function optOutConfirmation(deps: Deps, language: Language): string {
  return fill(KEYWORD_TEXTS[language].stopped, deps);
}

export const stopCommand: Command = {
  name: 'stop',
  matches: (keyword, body) => STOP_WORDS.has(compact(keyword)) || isOptOutRequest(body),
  async run(context) {
    // One confirmation only: a second STOP from someone already opted out gets silence.
    const changed = await optOut(context.deps, context.person);
    return { reply: changed ? optOutConfirmation(context.deps, languageOf(context)) : '' };
  },
};

export const startCommand: Command = {
  name: 'start',
  matches: (keyword, _body, person) => person.optedOut && START_WORDS.has(compact(keyword)),
  async run(context) {
    await setOptedOut(context.deps.db, context.person.id, null);
    context.deps.people.patch(context.person.phoneHash, { optedOut: false });
    return { reply: fill(KEYWORD_TEXTS[languageOf(context)].started, context.deps) };
  },
};

export const helpCommand: Command = {
  name: 'help',
  matches: (keyword) => HELP_WORDS.has(compact(keyword)),
  async run(context) {
    const language = languageOf(context);
    const texts = KEYWORD_TEXTS[language];
    const help = fill(context.deps.config.safety.help.text ?? texts.help, context.deps);
    // Someone who texts just "HELP" may be in trouble: the emergency number costs one line.
    const emergency = crisisResourcesFor(context.person.country).emergency;
    return { reply: emergency ? `${help} ${fill(texts.emergency, context.deps, { emergency })}` : help };
  },
};
