import { describe, expect, it } from 'vitest';
import { periodEnd, periodStart } from '../../src/billing/period.js';

const at = (iso: string) => new Date(iso);

describe('quota periods (UTC calendar)', () => {
  it('starts a day at midnight UTC and ends it at the next', () => {
    expect(periodStart('day', at('2026-03-10T23:59:59Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(periodEnd('day', at('2026-03-10T00:00:00Z')).toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('starts a week on Monday, as Postgres date_trunc does', () => {
    expect(periodStart('week', at('2026-03-15T12:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z'); // a Sunday
    expect(periodStart('week', at('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z'); // a Monday
    expect(periodEnd('week', at('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('ends December in January of the next year', () => {
    expect(periodStart('month', at('2026-12-31T23:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(periodEnd('month', at('2026-12-01T00:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
