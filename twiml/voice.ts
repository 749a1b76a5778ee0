import { el, renderDocument, type XmlElement } from './xml.js';

/**
 * Voice TwiML (also valid TeXML), built from small view models. Everything spoken before the caller's
 * turn goes inside the <Gather>, so the caller can interrupt it (barge-in) instead of waiting it out.
 */
export type Speech =
  /** Spoken by Twilio's text-to-speech, e.g. voice "Polly.Joanna-Neural", language "en-US". */
  | { kind: 'say'; text: string; voice: string; language: string }
  /** Audio the service already has (a cached Polly prompt), fetched by Twilio from `url`. */
  | { kind: 'play'; url: string };

export interface Listen {
  /** Where Twilio posts what the caller said (absolute URL; carries the turn state, and is signed). */
  action: string;
  /** The recogniser's language, e.g. "es-US". */
  language: string;
  /** Said while listening; the caller may talk over it. */
  prompt: Speech[];
  /** Words and phrases the recogniser should expect (comma separated). */
  hints?: string;
  /** Seconds of silence before Twilio gives up on the caller starting to speak. */
  timeoutS?: number;
}

export type VoiceVerb =
  | Speech
  | { kind: 'pause'; seconds: number }
  | { kind: 'listen'; listen: Listen }
  | { kind: 'redirect'; url: string }
  | { kind: 'dial'; number: string; timeoutS: number }
  | { kind: 'hangup' };

// Long enough for someone gathering their thoughts, short enough that silence gets a reprompt soon.
const DEFAULT_LISTEN_TIMEOUT_S = 6;

function speech(s: Speech): XmlElement {
  return s.kind === 'say' ? el('Say', { voice: s.voice, language: s.language }, [s.text]) : el('Play', undefined, [s.url]);
}

function verb(v: VoiceVerb): XmlElement {
  switch (v.kind) {
    case 'say':
    case 'play':
      return speech(v);
    case 'pause':
      return el('Pause', { length: v.seconds });
    case 'listen':
      return el(
        'Gather',
        {
          input: 'speech',
          action: v.listen.action,
          method: 'POST',
          language: v.listen.language,
          hints: v.listen.hints,
          speechTimeout: 'auto',
          timeout: v.listen.timeoutS ?? DEFAULT_LISTEN_TIMEOUT_S,
          // Silence posts to the action too, so the service (not Twilio's fall-through) decides what follows.
          actionOnEmptyResult: true,
        },
        v.listen.prompt.map(speech),
      );
    case 'redirect':
      return el('Redirect', { method: 'POST' }, [v.url]);
    case 'dial':
      return el('Dial', { timeout: v.timeoutS }, [el('Number', undefined, [v.number])]);
    case 'hangup':
      return el('Hangup');
  }
}

export function voiceResponse(verbs: readonly VoiceVerb[]): string {
  return renderDocument(el('Response', undefined, verbs.map(verb)));
}
