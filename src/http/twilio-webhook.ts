import type { Context } from 'hono';
import { AppError } from '../errors.js';
import { bodyLimit } from './body-limit.js';
import { verifyTwilioSignature } from '../providers/twilio-signature.js';
import type { AppEnv } from './env.js';

// A Twilio webhook is a few KB at most (1,600-char body, ten media URLs, ~30 fields); anything far
// larger is not Twilio.
export const TWILIO_BODY_LIMIT = 32 * 1024;

export const twilioBodyLimit = bodyLimit(TWILIO_BODY_LIMIT);

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

  const url = c.req.url;
  const query = url.indexOf('?');
  const signedUrl = publicUrl + c.req.path + (query === -1 ? '' : url.slice(query));
  if (!verifyTwilioSignature(authToken, c.req.header('x-twilio-signature'), signedUrl, params)) {
    throw new AppError('forbidden', 'Twilio signature is missing or does not match.');
  }
  return params;
}
