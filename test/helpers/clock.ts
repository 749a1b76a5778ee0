import type { Clock } from '../../src/clock.js';

/** Real time plus an offset the test can move forward: ordering stays natural, and no test sleeps. */
export function createTestClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
