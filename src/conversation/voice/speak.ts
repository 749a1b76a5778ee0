import { LANGUAGES, type Language } from '../../util/language.js';
import { voiceResponse, type Speech, type VoiceVerb } from '../../../twiml/voice.js';
import { FILLERS, PHRASES, type PhraseKey } from './phrases.js';
import type { PromptAudio } from './prompt-audio.js';
import type { VoiceUrls } from './turn-state.js';
import { VOICES } from './voices.js';

/** What the call does next, decided by the voice conversation and turned into TwiML verbs here. */
export type VoiceStep =
  /** A fixed prompt, then listen for the next turn (`quiet`: this prompt follows a silence). */
  | { kind: 'ask'; say: PhraseKey; quiet?: boolean }
  /**
   * The assistant's words, then listen; with `dial` (a crisis hotline), first connect the caller to it.
   * `language`: the voice for these words when they are not in the call's language (a crisis reply follows
   * the language the crisis was said in).
   */
  | { kind: 'answer'; text: string; dial?: string; language?: Language }
  /** The answer is not ready: a short filler, then come back for it (the `wait`-th time). */
  | { kind: 'hold'; wait: number }
  /** A last word, then hang up. */
  | { kind: 'end'; say: PhraseKey | { text: string } };

/** Where the call is: its language, and the turn just taken (0 before the caller has said anything). */
export interface CallPosition {
  language: Language;
  turn: number;
}

/**
 * The other language a greeting offers, in that language's own voice: Spanish on an English call (the
 * largest group of callers who may not follow English on a US line), English on any other.
 */
const offeredLanguage = (language: Language): Language => (language === 'en' ? 'es' : 'en');

// Help the recogniser with the words that steer the call itself (it listens in the call's language).
const CALL_HINTS = 'español, English, français, português, Deutsch, Spanish, French, Portuguese, German, goodbye, adiós';

// Long enough for a hotline to pick up; after it the caller comes back to the assistant.
const DIAL_TIMEOUT_S = 30;

export function voiceVerbs(voice: { prompts: PromptAudio; urls: VoiceUrls }, at: CallPosition, step: VoiceStep): VoiceVerb[] {
  const profile = VOICES[at.language];
  const say = (text: string, voiceOf = profile): Speech => ({ kind: 'say', text, voice: voiceOf.say, language: voiceOf.locale });
  const prompt = (key: PhraseKey) => voice.prompts.speech(at.language, key);
  const listen = (speech: Speech[], quiet = false): VoiceVerb => ({
    kind: 'listen',
    listen: { action: voice.urls.gather({ turn: at.turn + 1, language: at.language, quiet }), language: profile.locale, hints: CALL_HINTS, prompt: speech },
  });

  switch (step.kind) {
    case 'ask':
      if (step.say === 'greeting') return [listen([prompt('greeting'), voice.prompts.speech(offeredLanguage(at.language), 'languageOffer')])];
      return [listen([prompt(step.say)], step.quiet)];
    case 'answer': {
      const words = say(step.text, VOICES[step.language ?? at.language]);
      if (!step.dial) return [listen(step.text ? [words] : [])];
      // Outside the <Gather>: a crisis answer (which itself says the caller is being connected) is heard in
      // full, never talked over; after the hotline call the caller is back with the assistant.
      return [words, { kind: 'dial', number: step.dial, timeoutS: DIAL_TIMEOUT_S }, listen([prompt('stillHere')])];
    }
    case 'hold':
      return [
        prompt(FILLERS[(step.wait - 1) % FILLERS.length]!),
        { kind: 'redirect', url: voice.urls.reply({ turn: at.turn, language: at.language, wait: step.wait }) },
      ];
    case 'end':
      return [typeof step.say === 'string' ? prompt(step.say) : say(step.say.text), { kind: 'hangup' }];
  }
}

/**
 * What a voice webhook answers when it fails unexpectedly: an apology and a hangup, with <Say> only (no
 * dependency that could itself be failing). Precomputed per language.
 */
const FAILURE_TWIML = Object.fromEntries(
  LANGUAGES.map((language) => {
    const { say, locale } = VOICES[language];
    return [language, voiceResponse([{ kind: 'say', text: PHRASES[language].apology, voice: say, language: locale }, { kind: 'hangup' }])];
  }),
) as Record<Language, string>;

export const voiceFailureTwiml = (language: Language = 'en'): string => FAILURE_TWIML[language];
