import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataKey, openSealedText, seal, unwrapDataKey, wrapDataKey } from '../../src/crypto/envelope.js';
import { parseKeyring } from '../../src/crypto/keyring.js';
import { hashPhone } from '../../src/crypto/phone.js';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('envelope encryption', () => {
  it('round-trips text and never repeats a ciphertext (random nonce)', () => {
    const dataKey = generateDataKey();
    const a = seal(dataKey, 'héllo 👋', 'message:1');
    const b = seal(dataKey, 'héllo 👋', 'message:1');
    expect(a.equals(b)).toBe(false);
    expect(openSealedText(dataKey, a, 'message:1')).toBe('héllo 👋');
  });

  it('refuses a ciphertext moved to another row (AAD mismatch) or tampered with', () => {
    const dataKey = generateDataKey();
    const sealed = seal(dataKey, 'secret', 'message:1');
    expect(() => openSealedText(dataKey, sealed, 'message:2')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[20] = tampered[20]! ^ 1;
    expect(() => openSealedText(dataKey, tampered, 'message:1')).toThrow();
    expect(() => openSealedText(generateDataKey(), sealed, 'message:1')).toThrow();
  });

  it('unwraps keys wrapped by an older master key after rotation, and wraps new ones with the first key', () => {
    const old = parseKeyring(key('2025'));
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(old, 'person-1', dataKey);
    const rotated = parseKeyring(`${key('2026')},2025:${old.active.key.toString('base64')}`);
    expect(unwrapDataKey(rotated, 'person-1', wrapped.keyId, wrapped.wrapped).equals(dataKey)).toBe(true);
    expect(wrapDataKey(rotated, 'person-1', dataKey).keyId).toBe('2026');
    expect(() => unwrapDataKey(rotated, 'person-2', wrapped.keyId, wrapped.wrapped)).toThrow();
  });

  it('rejects malformed ENCRYPTION_KEYS', () => {
    expect(() => parseKeyring('')).toThrow(/at least one key/);
    expect(() => parseKeyring('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyring(`${key('a')},${key('a')}`)).toThrow(/unique/);
    expect(() => parseKeyring(randomBytes(32).toString('base64'))).toThrow(/kid:base64key/);
  });

  it('hashes a number the same way every time, and differently under another pepper', () => {
    const pepper = randomBytes(32);
    expect(hashPhone(pepper, '+15551234567').equals(hashPhone(pepper, '+15551234567'))).toBe(true);
    expect(hashPhone(pepper, '+15551234567').equals(hashPhone(randomBytes(32), '+15551234567'))).toBe(false);
  });
});
