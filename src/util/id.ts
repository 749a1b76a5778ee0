import { randomSlice } from './random.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp then random bits. Ids sort by creation time, so
 * inserts append to the primary-key index instead of scattering across it. Generated here (not by
 * Postgres) because a message's id is its ciphertext's AAD and must exist before the row does.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = Buffer.from(randomSlice(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i]!];
  }
  return out;
}
