import { randomBytes } from 'node:crypto';

/**
 * Cryptographically random bytes handed out from a pool refilled 4 KB at a time. Each randomBytes()
 * call costs a system call and an OpenSSL fork check; ids and nonces on the webhook path need a few
 * dozen bytes each. Bytes are never handed out twice, and a slice stays valid after a refill (the pool
 * is replaced, not overwritten). Node's randomUUID uses the same technique.
 */
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

export function randomSlice(length: number): Buffer {
  if (length > POOL_BYTES) return randomBytes(length);
  if (offset + length > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + length);
  offset += length;
  return slice;
}
