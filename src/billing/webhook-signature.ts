import { createHmac, timingSafeEqual } from 'node:crypto';

// Stripe's own tolerance: an event signed more than five minutes ago is a replay.
export const SIGNATURE_TOLERANCE_S = 300;
// A signature from the future is refused too, beyond what two honest clocks may disagree by.
export const SIGNATURE_CLOCK_SKEW_S = 30;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'too_old' | 'in_future' };

/**
 * Checks a `Stripe-Signature` header (`t=<unix>,v1=<hex>[,v1=…]`) against the raw body: HMAC-SHA256 of
 * `${t}.${body}` under the endpoint secret, compared in constant time (any v1 may match: Stripe sends
 * two while a secret is being rolled). Written out rather than taken from the SDK because the SDK does
 * not refuse timestamps in the future and reads the wall clock rather than ours.
 */
export function verifyStripeSignature(rawBody: string, header: string | undefined, secret: string, now: Date): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };

  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
  if (!signatures.some((s) => timingSafeEqual(s, expected))) return { ok: false, reason: 'mismatch' };
  const age = Math.floor(now.getTime() / 1000) - timestamp;
  if (age > SIGNATURE_TOLERANCE_S) return { ok: false, reason: 'too_old' };
  if (age < -SIGNATURE_CLOCK_SKEW_S) return { ok: false, reason: 'in_future' };
  return { ok: true };
}
