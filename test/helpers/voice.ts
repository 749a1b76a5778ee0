import { randomBytes } from 'node:crypto';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import type { Language } from '../../src/util/language.js';
import { walkCall, type Caller, type Heard, type Transport, type WalkResult } from '../../src/dev/twiml-walker.js';
import { PUBLIC_URL, SERVICE_NUMBER, type Harness } from './harness.js';

/** What a call in this language opens with: the greeting, then the offer of the other language in its own voice. */
export const greeting = (language: Language): string[] => [PHRASES[language].greeting, PHRASES[language === 'en' ? 'es' : 'en'].languageOffer];

export const newCallSid = () => `CA${randomBytes(16).toString('hex')}`;

/** Posts what the walker asks for to the harness app, signed like Twilio, for URLs under PUBLIC_URL. */
export function harnessTransport(h: Harness): Transport {
  return async (url, params) => {
    if (!url.startsWith(`${PUBLIC_URL}/`)) throw new Error(`TwiML pointed Twilio outside the service: ${url}`);
    const res = await h.postTwilio(url.slice(PUBLIC_URL.length), params);
    return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
  };
}

/** A caller who says these lines in order ('' = silence), then hangs up. */
export function scriptedCaller(lines: string[], onHear: (heard: Heard) => void = () => undefined): Caller & { listens: { language?: string; turnUrl: string }[] } {
  const queue = [...lines];
  const listens: { language?: string; turnUrl: string }[] = [];
  return {
    listens,
    hear: onHear,
    speak: (listening) => {
      listens.push(listening);
      return queue.length > 0 ? queue.shift()! : null;
    },
  };
}

export interface PlacedCall extends WalkResult {
  callSid: string;
  caller: ReturnType<typeof scriptedCaller>;
  said: string[];
}

/** A whole call, walked like Twilio would: incoming webhook, gathers, redirects, hangup, status callback. */
export async function placeCall(
  h: Harness,
  options: { from: string; lines: string[]; to?: string; callSid?: string; onHear?: (heard: Heard) => void },
): Promise<PlacedCall> {
  const callSid = options.callSid ?? newCallSid();
  const caller = scriptedCaller(options.lines, options.onHear);
  const result = await walkCall({
    url: `${PUBLIC_URL}/twilio/voice`,
    call: { CallSid: callSid, From: options.from, To: options.to ?? SERVICE_NUMBER },
    transport: harnessTransport(h),
    caller,
    statusCallbackUrl: `${PUBLIC_URL}/twilio/voice/status`,
  });
  return { ...result, callSid, caller, said: result.heard.filter((x): x is Extract<Heard, { kind: 'say' }> => x.kind === 'say').map((x) => x.text) };
}
