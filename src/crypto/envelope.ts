import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { randomSlice } from '../util/random.js';
import type { Keyring } from './keyring.js';

/**
 * Envelope encryption. Each person has a random 32-byte data key; their message bodies, phone number
 * and facts are sealed with it (AES-256-GCM, 12-byte random nonce, AAD binding the ciphertext to its
 * row so a ciphertext copied into another row does not open). The data key is stored only wrapped by
 * a master key. Deleting the wrapped key crypto-shreds the person: every copy of their rows, backups
 * included, becomes unreadable.
 *
 * Sealed layout: version (1 byte) | nonce (12) | ciphertext | tag (16).
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type DataKey = Buffer;

export function generateDataKey(): DataKey {
  return randomBytes(32);
}

export function seal(key: Buffer, plaintext: string | Buffer, aad: string): Buffer {
  const nonce = randomSlice(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext);
  const final = cipher.final();
  return Buffer.concat([Buffer.of(VERSION), nonce, body, final, cipher.getAuthTag()]);
}

export function openSealed(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < 1 + NONCE_BYTES + TAG_BYTES || buf[0] !== VERSION) throw new Error('sealed value has an unknown layout');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(1 + NONCE_BYTES, buf.length - TAG_BYTES)), decipher.final()]);
}

export function openSealedText(key: Buffer, sealed: Uint8Array, aad: string): string {
  return openSealed(key, sealed, aad).toString('utf8');
}

/** AAD for a wrapped data key: binds it to its person so a key row cannot be swapped onto another. */
const wrapAad = (personId: string) => `data-key:${personId}`;

export function wrapDataKey(keyring: Keyring, personId: string, dataKey: DataKey): { keyId: string; wrapped: Buffer } {
  return { keyId: keyring.active.id, wrapped: seal(keyring.active.key, dataKey, wrapAad(personId)) };
}

export function unwrapDataKey(keyring: Keyring, personId: string, keyId: string, wrapped: Uint8Array): DataKey {
  const master = keyring.get(keyId);
  if (!master) throw new Error(`data key is wrapped by unknown master key "${keyId}"`);
  return openSealed(master.key, wrapped, wrapAad(personId));
}

/** AADs for the other sealed columns, one place so writers and readers cannot drift apart. */
export const aad = {
  messageBody: (messageId: string) => `message:${messageId}`,
  phone: (personId: string) => `phone:${personId}`,
  fact: (factId: string) => `fact:${factId}`,
};
