import { describe, expect, it } from 'vitest';
import { countryOf, isE164 } from '../../src/util/e164.js';

describe('E.164 numbers', () => {
  it('knows the countries the crisis lines and voices depend on', () => {
    expect(countryOf('+12125551234')).toBe('US');
    expect(countryOf('+14165551234')).toBe('CA');
    expect(countryOf('+447700900123')).toBe('GB');
    expect(countryOf('+34612345678')).toBe('ES');
    expect(countryOf('+33612345678')).toBe('FR');
    expect(countryOf('+4915112345678')).toBe('DE');
    expect(countryOf('+5215512345678')).toBe('MX');
    expect(countryOf('+5511912345678')).toBe('BR');
    expect(countryOf('+351912345678')).toBe('PT');
  });

  it('returns undefined for unknown codes and non-numbers', () => {
    expect(countryOf('+99912345678')).toBeUndefined();
    expect(countryOf('5551234')).toBeUndefined();
    expect(isE164('+1555')).toBe(false);
    expect(isE164('+0123456789')).toBe(false);
  });
});
