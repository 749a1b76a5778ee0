import type { Log } from '../log.js';
import type { Breaker } from './breaker.js';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry.js';
import { LlmError, type Llm, type LlmRequest, type LlmResult } from './types.js';

/** One model on one server, guarded by its own breaker (the fallback keeps working while the primary is open). */
export interface Endpoint {
  llm: Llm;
  breaker: Breaker;
}

export interface ResilientLlmOptions {
  /** Tried in order: the primary model, then the optional fallback model. */
  endpoints: Endpoint[];
  log: Log;
  retry?: RetryPolicy;
  random?: () => number;
}

// With a fallback behind it, the primary may use this share of the time left; the rest is the fallback's.
// A hung primary then still leaves the fallback time to answer inside the caller's deadline.
const PRIMARY_SHARE = 0.6;

/** A refusal says nothing about the server's health; everything else that failed does. */
const countsAgainstEndpoint = (error: LlmError) => error.reason !== 'refusal';

/**
 * The model chain behind every reply: each endpoint in turn, within one deadline (the request's
 * timeoutMs), each with retries and a circuit breaker. Throws LlmError('unavailable') when no endpoint
 * produced a usable answer; the caller then answers with a canned reply.
 */
export function createResilientLlm(options: ResilientLlmOptions): Llm {
  const { endpoints, log } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const now = () => performance.now();

  return {
    name: endpoints.map((e) => e.llm.name).join(' > '),
    async complete(request: LlmRequest): Promise<LlmResult> {
      const deadline = now() + request.timeoutMs;
      const failures: string[] = [];
      for (const [index, { llm, breaker }] of endpoints.entries()) {
        const left = deadline - now();
        if (index > 0 && left < retry.minAttemptMs) {
          failures.push(`${llm.name}: no time left`);
          continue;
        }
        const budget = index < endpoints.length - 1 ? left * PRIMARY_SHARE : left;
        const permit = await breaker.acquire(budget);
        if (!permit) {
          failures.push(`${llm.name}: breaker open`);
          continue;
        }
        try {
          const result = await withRetries((timeoutMs) => llm.complete({ ...request, timeoutMs }), now() + budget, retry, options.random);
          await breaker.success(permit);
          return result;
        } catch (error) {
          const failure = error instanceof LlmError ? error : new LlmError('malformed', (error as Error).message);
          await (countsAgainstEndpoint(failure) ? breaker.failure(permit) : breaker.release(permit));
          log.warn({ llm: llm.name, reason: failure.reason, status: failure.status }, 'LLM endpoint failed');
          failures.push(`${llm.name}: ${failure.reason}${failure.status ? ` ${failure.status}` : ''}`);
        }
      }
      throw new LlmError('unavailable', `no model answered (${failures.join('; ')})`);
    },
  };
}
