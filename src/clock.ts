/** Time is injected so tests can move it (session gaps, sweeps, quota periods) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
