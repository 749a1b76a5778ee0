import type { PlanPeriod } from '../db/schema.js';

/**
 * Quota periods are calendar periods in UTC (weeks start on Monday, as Postgres' date_trunc has it), so
 * everyone's counters roll over at the same, predictable moment. Postgres computes the period start of a
 * charge; these mirror it for the texts ("resets on …") and for periods computed outside a charge.
 */
export function periodStart(period: PlanPeriod, at: Date): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (period) {
    case 'day':
      return new Date(Date.UTC(y, m, d));
    case 'week':
      return new Date(Date.UTC(y, m, d - ((at.getUTCDay() + 6) % 7)));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
  }
}

export function periodEnd(period: PlanPeriod, start: Date): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (period) {
    case 'day':
      return new Date(Date.UTC(y, m, d + 1));
    case 'week':
      return new Date(Date.UTC(y, m, d + 7));
    case 'month':
      return new Date(Date.UTC(y, m + 1, 1));
  }
}
