import { admitCall } from '../../billing/voice.js';
import { countCallTurn, recordCallEvent, setCallLanguage, type CallStatus } from '../../db/queries/calls.js';
import { setLocale } from '../../db/queries/people.js';
import type { ProviderName } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { countryOf } from '../../util/e164.js';
import { languageForCountry, resolveLanguage, type Language } from '../../util/language.js';
import type { KnownPerson } from '../person-directory.js';
import type { VoiceStep } from './speak.js';

/** The canonical incoming-call event every provider adapter produces. */
export interface InboundCall {
  provider: ProviderName;
  callSid: string;
  /** The caller's number (E.164); undefined when they withhold it. */
  from?: string;
  /** Our number they called. */
  to: string;
}

export type CallStart =
  | { kind: 'greet'; person: KnownPerson; language: Language; step: VoiceStep }
  | { kind: 'refuse'; reason: 'hidden_number' | 'opted_out' | 'not_included' | 'limit_reached'; language: Language; step: VoiceStep };

/**
 * An incoming call: find the caller, pick the call's language (saved locale, else their country's, else
 * English), record the call, check their plan includes calls (billing's admitCall), and greet. Every
 * conversation needs a person, so a withheld number is told so and the call ends; so is a caller whose
 * plan has no calls left, with how to upgrade.
 */
export async function beginCall(deps: Deps, call: InboundCall): Promise<CallStart> {
  if (!call.from) return { kind: 'refuse', reason: 'hidden_number', language: 'en', step: { kind: 'end', say: 'hiddenNumber' } };
  const person = await deps.people.resolve(call.from);
  const language = resolveLanguage({ locale: person.locale, country: person.country });
  await recordCallEvent(deps.db, {
    provider: call.provider,
    callSid: call.callSid,
    status: 'in-progress',
    at: deps.clock.now(),
    personId: person.id,
    serviceNumber: call.to,
    language,
  });
  // Refusing a call cannot be undone: a cached "opted out" is confirmed first (see PersonDirectory).
  if (person.optedOut && (await deps.people.confirm(person)).optedOut) return { kind: 'refuse', reason: 'opted_out', language, step: { kind: 'end', say: 'optedOut' } };
  // Once per call (the charge is keyed by the call SID, so a retried webhook is not charged twice).
  const admission = await admitCall(deps, { personId: person.id, callId: call.callSid });
  if (!admission.allowed) {
    // The plan texts are written in English, so they are spoken in the English voice.
    return { kind: 'refuse', reason: admission.reason, language: 'en', step: { kind: 'end', say: { text: admission.say } } };
  }
  return { kind: 'greet', person, language, step: { kind: 'ask', say: 'greeting' } };
}

/** A provider's call-status callback. Forward only: duplicates and late arrivals change nothing. */
export async function recordCallStatus(deps: Deps, update: InboundCall & { status?: CallStatus; durationS?: number }): Promise<boolean> {
  if (!update.status) return false;
  return recordCallEvent(deps.db, {
    provider: update.provider,
    callSid: update.callSid,
    status: update.status,
    at: deps.clock.now(),
    serviceNumber: update.to,
    // Only used if the call was never seen starting; the person is left unknown rather than created here.
    language: languageForCountry(update.from ? countryOf(update.from) : undefined) ?? 'en',
    durationS: update.durationS,
  });
}

/** The caller asked for another language: this call switches, and later calls and texts start in it. */
export async function switchCallLanguage(deps: Deps, call: InboundCall, person: KnownPerson, language: Language): Promise<void> {
  const now = deps.clock.now();
  await Promise.all([setLocale(deps.db, person.id, language), setCallLanguage(deps.db, call.provider, call.callSid, language, now)]);
  deps.people.patch(person.phoneHash, { locale: language });
}

export async function countTurn(deps: Deps, call: InboundCall): Promise<void> {
  await countCallTurn(deps.db, call.provider, call.callSid, deps.clock.now());
}
