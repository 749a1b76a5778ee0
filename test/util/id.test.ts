import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/util/id.js';
import { randomSlice } from '../../src/util/random.js';

describe('uuidv7', () => {
  it('is a valid version-7 UUID whose first 48 bits are the time', () => {
    const id = uuidv7(0x0123456789ab);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('0123456789ab');
  });

  it('sorts by creation time and never repeats', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('randomSlice', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(randomSlice(12).toString('hex'));
    expect(seen.size).toBe(2000);
  });
});
