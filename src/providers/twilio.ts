import twilio from 'twilio';
import type { OutboundStatus } from '../db/message-status.js';
import { ProviderError, type MessagingProvider, type OutboundSms, type SendResult } from './types.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** Base URL override for Twilio-compatible APIs and the local fake in tests. */
  apiUrl?: string;
  /** A provider call that takes longer is abandoned; BullMQ retries it. */
  timeoutMs?: number;
}

// Twilio error codes that will fail the same way every time.
// https://www.twilio.com/docs/api/errors — 21211 invalid To, 21408 region not enabled, 21606/21659 bad From,
// 21612 unreachable route, 21614 not a mobile number, 30004 blocked, 30005 unknown destination.
const PERMANENT_CODES = new Set([21211, 21408, 21606, 21612, 21614, 21659, 30004, 30005]);
const OPTED_OUT_CODE = 21610;

/** Maps Twilio's message status words onto our forward-only outbound statuses. */
export function fromTwilioStatus(status: string): OutboundStatus | undefined {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'accepted';
    case 'sending':
    case 'sent':
    case 'delivered':
    case 'undelivered':
    case 'failed':
    case 'read':
    case 'canceled':
      return status;
    case 'partially_delivered':
      return 'delivered';
    default:
      return undefined;
  }
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof twilio.RestException) {
    const code = error.code ? String(error.code) : undefined;
    if (error.code === OPTED_OUT_CODE) return new ProviderError('opted_out', 'recipient has opted out at Twilio', code);
    if (error.status === 429 || error.status >= 500) return new ProviderError('transient', `Twilio answered ${error.status}`, code);
    if (error.code !== undefined && PERMANENT_CODES.has(error.code)) return new ProviderError('permanent', `Twilio refused the message (${code})`, code);
    // Other 4xx (auth, account suspended): our side is wrong; retrying with backoff gives the operator time to fix it.
    return new ProviderError('transient', `Twilio answered ${error.status}`, code);
  }
  return new ProviderError('unknown_outcome', `no answer from Twilio (${(error as Error)?.name ?? 'error'})`);
}

export function createTwilioProvider(options: TwilioOptions): MessagingProvider {
  // autoRetry off: BullMQ owns retries, with backoff and a record of each attempt.
  const client = twilio(options.accountSid, options.authToken, { timeout: options.timeoutMs ?? 10_000, autoRetry: false });
  if (options.apiUrl) client.api.baseUrl = options.apiUrl.replace(/\/+$/, '');

  return {
    name: 'twilio',
    async sendSms(message: OutboundSms): Promise<SendResult> {
      try {
        const created = await client.messages.create({
          from: message.from,
          to: message.to,
          body: message.body,
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        });
        return { providerMessageId: created.sid, status: fromTwilioStatus(created.status) ?? 'accepted' };
      } catch (error) {
        throw toProviderError(error);
      }
    },
    async findSent(message) {
      try {
        const recent = await client.messages.list({ from: message.from, to: message.to, limit: 20 });
        // Twilio's timestamps have one-second precision and its clock is not ours: allow a minute of skew.
        // Same sender, recipient and text within that minute is the same message for the person anyway.
        const earliest = message.since.getTime() - 60_000;
        const match = recent.find((m) => m.body === message.body && m.dateCreated.getTime() >= earliest);
        return match ? { providerMessageId: match.sid, status: fromTwilioStatus(match.status) ?? 'accepted' } : undefined;
      } catch (error) {
        throw toProviderError(error);
      }
    },
  };
}
