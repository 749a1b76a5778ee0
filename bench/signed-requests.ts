import { randomBytes } from 'node:crypto';
import { twilioSignature } from '../src/providers/twilio-signature.js';

export interface SignedRequest {
  body: string;
  signature: string;
}

/**
 * Pre-signed inbound SMS webhooks: every one a distinct MessageSid (so none is a cheap duplicate), from a
 * realistic pool of senders (people text more than once), with bodies of realistic lengths. Signed up
 * front so the load generator spends its CPU sending, not hashing.
 */
export function makeSignedRequests(count: number, options: { authToken: string; url: string; senders: number; to?: string; /** Senders are +1555 followed by this and the next numbers. */ firstSender?: number }): SignedRequest[] {
  const first = options.firstSender ?? 2_000_000;
  const senders = Array.from({ length: options.senders }, (_, i) => `+1555${String(first + i).padStart(7, '0')}`);
  const bodies = [
    'hi',
    'Is it safe to eat soft cheese when pregnant?',
    'I have had a headache since this morning and my feet are swollen, should I worry?',
    'What foods have iron? My doctor says I am low on iron and I do not eat meat. Any ideas for cheap meals?',
    'thanks!',
  ];
  const prefix = randomBytes(4).toString('hex'); // 8 hex digits + 24 from the counter = a valid 32-digit SID
  const requests: SignedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const params = {
      ToCountry: 'US', SmsMessageSid: '', NumMedia: '0', ToCity: '', FromZip: '', SmsSid: '', FromState: 'CA',
      SmsStatus: 'received', FromCity: '', Body: bodies[i % bodies.length]!, FromCountry: 'US', To: options.to ?? '+15550001111',
      ToZip: '', NumSegments: '1', MessageSid: `SM${prefix}${i.toString(16).padStart(24, '0')}`, AccountSid: `AC${'0'.repeat(32)}`,
      From: senders[(i * 7919) % senders.length]!, ApiVersion: '2010-04-01',
    };
    params.SmsMessageSid = params.MessageSid;
    params.SmsSid = params.MessageSid;
    requests.push({ body: new URLSearchParams(params).toString(), signature: twilioSignature(options.authToken, options.url, params) });
  }
  return requests;
}
