import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's webhook signature: base64(HMAC-SHA1(authToken, url + each POST param as key+value, keys
 * sorted)). Same algorithm as twilio.validateRequest (checked against it in the tests), without its
 * retries over URL variants: the URL is built from PUBLIC_URL, which must be exactly the URL
 * configured on the Twilio number.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const hmac = createHmac('sha1', authToken);
  hmac.update(url, 'utf8');
  for (const key of Object.keys(params).sort()) hmac.update(key + params[key], 'utf8');
  return hmac.digest('base64');
}

export function verifyTwilioSignature(authToken: string, signature: string | undefined, url: string, params: Record<string, string>): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
