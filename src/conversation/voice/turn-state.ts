import { z } from 'zod';
import { AppError } from '../../errors.js';
import { LANGUAGES, type Language } from '../../util/language.js';

/**
 * A call's state between webhooks travels in the URLs we give Twilio (<Gather action>, <Redirect>), so
 * no per-call state is kept in memory or read back on each turn. Twilio signs the full URL it requests,
 * query included, so the state cannot be forged.
 */
export interface TurnState {
  /** Which turn of the call this is (1 = the first thing the caller says); with the CallSid, the dedupe key. */
  turn: number;
  language: Language;
  /** The previous listen heard nothing: one more silence ends the call. */
  quiet: boolean;
  /** How many fillers the caller has heard while this turn's answer was pending. */
  wait: number;
}

// A call of 500 turns is far beyond any real conversation; past it the state is not ours.
const MAX_TURN = 500;
const MAX_WAIT = 100;

const Query = z.object({
  turn: z.coerce.number().int().min(1).max(MAX_TURN),
  lang: z.enum(LANGUAGES),
  quiet: z.enum(['1']).optional(),
  wait: z.coerce.number().int().min(0).max(MAX_WAIT).default(0),
});

export function parseTurnState(query: Record<string, string>): TurnState {
  const parsed = Query.safeParse(query);
  if (!parsed.success) throw new AppError('bad_request', 'Expected ?turn=<1..500>&lang=<en|es|fr|pt|de>[&quiet=1][&wait=<n>].');
  return { turn: parsed.data.turn, language: parsed.data.lang, quiet: parsed.data.quiet === '1', wait: parsed.data.wait };
}

/** The dedupe key of one turn: Twilio sends no turn id of its own. */
export const turnKey = (callSid: string, turn: number) => `${callSid}:${turn}`;

/** The routes a call moves through; absolute, under PUBLIC_URL, because that is what Twilio signs. */
export function voiceUrls(publicUrl: string) {
  return {
    incoming: `${publicUrl}/twilio/voice`,
    status: `${publicUrl}/twilio/voice/status`,
    /** Where the caller's next utterance is posted. */
    gather: (s: Pick<TurnState, 'turn' | 'language'> & { quiet?: boolean }) =>
      `${publicUrl}/twilio/voice/gather?turn=${s.turn}&lang=${s.language}${s.quiet ? '&quiet=1' : ''}`,
    /** Where a pending answer is picked up after a filler. */
    reply: (s: Pick<TurnState, 'turn' | 'language' | 'wait'>) => `${publicUrl}/twilio/voice/reply?turn=${s.turn}&lang=${s.language}&wait=${s.wait}`,
    promptAudio: (file: string) => `${publicUrl}/audio/prompts/${file}`,
  };
}
export type VoiceUrls = ReturnType<typeof voiceUrls>;
