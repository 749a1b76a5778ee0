import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Crisis alerts are signed like Stripe's webhooks: `Switchboard-Signature: t=<unix seconds>,v1=<hex>`,
 * where v1 = HMAC-SHA256(secret, `${t}.${body}`). The timestamp lets a receiver refuse replays.
 */
export const ALERT_SIGNATURE_HEADER = 'Switchboard-Signature';

export function signAlert(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** For receivers (and tests): true when the header signs this body with this secret within `toleranceS`. */
export function verifyAlertSignature(secret: string, body: string, header: string | undefined, now: Date, toleranceS = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
