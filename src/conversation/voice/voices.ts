import type { Language } from '../../util/language.js';

/**
 * One voice per language: Amazon Polly neural voices, named for Twilio's <Say> ("Polly.<Id>-Neural") and
 * for Polly itself (VoiceId + engine) when the service synthesises a prompt. `locale` is both the voice's
 * language and the speech recogniser's: callers are heard in the language they are spoken to in.
 */
export interface VoiceProfile {
  /** Twilio's <Say voice="…">. */
  say: string;
  /** Polly's VoiceId for the same voice. */
  pollyVoiceId: string;
  engine: 'neural';
  /** BCP-47, for <Say language>, <Gather language> and Polly's LanguageCode. */
  locale: string;
}

// Spanish and Portuguese follow the largest groups of speakers on a US/Americas line (US Spanish, Brazil).
export const VOICES: Record<Language, VoiceProfile> = {
  en: { say: 'Polly.Joanna-Neural', pollyVoiceId: 'Joanna', engine: 'neural', locale: 'en-US' },
  es: { say: 'Polly.Lupe-Neural', pollyVoiceId: 'Lupe', engine: 'neural', locale: 'es-US' },
  fr: { say: 'Polly.Lea-Neural', pollyVoiceId: 'Lea', engine: 'neural', locale: 'fr-FR' },
  pt: { say: 'Polly.Camila-Neural', pollyVoiceId: 'Camila', engine: 'neural', locale: 'pt-BR' },
  de: { say: 'Polly.Vicki-Neural', pollyVoiceId: 'Vicki', engine: 'neural', locale: 'de-DE' },
};
