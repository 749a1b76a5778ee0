import { setTimeout as sleep } from 'node:timers/promises';
import { LlmError } from './types.js';

export interface RetryPolicy {
  maxAttempts: number;
  /** First backoff ceiling; it doubles per attempt up to maxDelayMs, and the actual wait is random below it (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An attempt with less time left than this cannot produce an answer: give up instead. */
  minAttemptMs: number;
}

// Three tries, waits of at most 0.25 s then 0.5 s: enough to ride out a rate-limit blip or a restarting
// server, short enough to leave the fallback model most of the budget when the first one is really down.
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2_000, minAttemptMs: 500 };

/** Rate limits, server errors and dropped connections are worth another try; a 4xx or a bad answer is not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof LlmError)) return false;
  if (error.reason === 'connection') return true;
  return error.reason === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

/**
 * Calls `attempt` with the time left before `deadline`, retrying retryable failures after a jittered
 * backoff (or the server's Retry-After, if longer) while the deadline still leaves room for an attempt.
 */
export async function withRetries<T>(
  attempt: (timeoutMs: number) => Promise<T>,
  deadline: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
  now: () => number = () => performance.now(),
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(Math.max(1, Math.round(deadline - now())));
    } catch (error) {
      if (!isRetryable(error) || n >= policy.maxAttempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      const delay = Math.max((error as LlmError).retryAfterMs ?? 0, random() * ceiling);
      if (deadline - now() - delay < policy.minAttemptMs) throw error;
      await sleep(delay);
    }
  }
}
