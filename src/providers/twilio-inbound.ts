import { z } from 'zod';
import type { InboundMessage } from '../conversation/inbound.js';
import { AppError } from '../errors.js';
import { E164 } from '../util/e164.js';

/** Twilio's SMS webhook fields we use, checked after the signature. Wire format ⇄ canonical InboundMessage. */
const SmsWebhook = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID'),
  From: z.string().regex(E164, 'must be an E.164 number'),
  To: z.string().min(3).max(32),
  // Twilio caps a message at 1,600 characters; an MMS with only a picture has an empty Body.
  Body: z.string().max(1_600).default(''),
});

const StatusCallback = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID'),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});

/** Parses a webhook form with a zod schema; a bad field is the sender's error (400), named but not echoed. */
export function parseOrBadRequest<T>(schema: z.ZodType<T>, form: Record<string, string>): T {
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new AppError('bad_request', `Invalid or missing fields: ${fields}.`);
  }
  return parsed.data;
}

export function parseTwilioSms(form: Record<string, string>): InboundMessage {
  const sms = parseOrBadRequest(SmsWebhook, form);
  return { provider: 'twilio', channel: 'sms', providerMessageId: sms.MessageSid, from: sms.From, to: sms.To, body: sms.Body };
}

export function parseTwilioStatusCallback(form: Record<string, string>) {
  const status = parseOrBadRequest(StatusCallback, form);
  return { providerMessageId: status.MessageSid, status: status.MessageStatus, errorCode: status.ErrorCode };
}
