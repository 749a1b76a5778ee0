import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';
import { verifyTwilioSignature } from '../providers/twilio-signature.js';
import type { AppEnv } from './env.js';

// A Twilio webhook is a few KB at most (1,600-char body, ten media URLs, ~30 fields); anything far
// larger is not Twilio.
export const TWILIO_BODY_LIMIT = 32 * 1024;

export const twilioBodyLimit = bodyLimit({
  maxSize: TWILIO_BODY_LIMIT,
  onError: () => {
    throw new AppError('payload_too_large', `Request body is larger than ${TWILIO_BODY_LIMIT} bytes.`);
  },
});

/**
 * Reads a Twilio form post and checks its signature before anything in it is used. The signed URL is
 * PUBLIC_URL + path + query: behind a proxy, the URL this process sees is not the one Twilio signed.
 */
export async function readSignedTwilioForm(c: Context<AppEnv>, authToken: string, publicUrl: string): Promise<Record<string, string>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    throw new AppError('unsupported_media_type', 'Expected an application/x-www-form-urlencoded body.');
  }
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(await c.req.text())) params[key] ??= value;

  const url = new URL(c.req.url);
  const signedUrl = publicUrl + url.pathname + url.search;
  if (!verifyTwilioSignature(authToken, c.req.header('x-twilio-signature'), signedUrl, params)) {
    throw new AppError('forbidden', 'Twilio signature is missing or does not match.');
  }
  return params;
}
