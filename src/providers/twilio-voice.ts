import { z } from 'zod';
import type { InboundCall } from '../conversation/voice/call.js';
import { isCallStatus, type CallStatus } from '../db/queries/calls.js';
import { isE164 } from '../util/e164.js';
import { parseOrBadRequest } from './twilio-inbound.js';

/** Twilio's voice webhook fields we use, checked after the signature. Wire format ⇄ canonical InboundCall. */
const CallWebhook = z.object({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'must be a Twilio call SID'),
  // Absent, "anonymous", "client:…" or a keypad-spelled placeholder when the caller hides their number.
  From: z.string().max(64).default(''),
  To: z.string().min(1).max(64),
});

// Twilio's placeholders for a withheld caller ID: ANONYMOUS, RESTRICTED, UNKNOWN and BLOCKED on a keypad.
const WITHHELD = new Set(['+266696687', '+7378742833', '+8656696', '+2562533']);

// A speech transcript of a long monologue is a few thousand characters; past this it is not Twilio's.
const MAX_SPEECH_CHARS = 5_000;

const Speech = z.object({ SpeechResult: z.string().max(MAX_SPEECH_CHARS).default('') });

const StatusCallback = CallWebhook.extend({
  CallStatus: z.string().min(1).max(32),
  CallDuration: z.coerce.number().int().min(0).max(7 * 86_400).optional(),
});

export function parseTwilioCall(form: Record<string, string>): InboundCall {
  const call = parseOrBadRequest(CallWebhook, form);
  const visible = isE164(call.From) && !WITHHELD.has(call.From);
  return { provider: 'twilio', callSid: call.CallSid, from: visible ? call.From : undefined, to: call.To };
}

/** What the caller said on this turn ('' for silence). */
export function parseTwilioSpeech(form: Record<string, string>): string {
  return parseOrBadRequest(Speech, form).SpeechResult.trim();
}

export function parseTwilioCallStatus(form: Record<string, string>): InboundCall & { status?: CallStatus; durationS?: number } {
  const callback = parseOrBadRequest(StatusCallback, form);
  return {
    ...parseTwilioCall(form),
    // Unknown words (a future status) are ignored rather than refused: Twilio would only retry them.
    status: isCallStatus(callback.CallStatus) ? callback.CallStatus : undefined,
    durationS: callback.CallDuration,
  };
}
