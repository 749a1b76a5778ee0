import { createHmac } from 'node:crypto';

/**
 * People are found by HMAC-SHA256(pepper, E.164 number): equal numbers give equal hashes, and the
 * pepper (PHONE_HASH_KEY, never in the database) stops anyone with a dump from hashing the whole
 * numbering plan to reverse them.
 */
export function hashPhone(pepper: Buffer, e164: string): Buffer {
  return createHmac('sha256', pepper).update(e164, 'utf8').digest();
}

/** A short, non-reversible tag for logs, so one sender's lines can be correlated without the number. */
export function phoneLogTag(hash: Buffer): string {
  return hash.subarray(0, 6).toString('base64url');
}
