import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

/**
 * A circuit breaker for one LLM endpoint, kept in Redis so every web and worker instance shares it:
 * after `failures` consecutive failed calls it opens for `openMs` (calls are refused at once, the next
 * model or a canned reply answers), then lets one trial call through (half-open). The trial's success
 * closes it; its failure opens it again for another `openMs`. Any success closes it, including a slow
 * call that started before it opened: the endpoint has just shown it answers.
 *
 * Redis holds one hash per endpoint: `failures` (consecutive), `open_until` (ms; absent while closed)
 * and `trial_until` (ms; the half-open trial's lease, so a crashed trial does not block recovery).
 * Time comes from the injected clock, passed into the scripts, so tests can step past the open period.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';
/**
 * Leave to call: with no failure on record (`clean`), as part of normal traffic after some failures
 * (`closed`), or as the single half-open trial.
 */
export type Permit = 'clean' | 'closed' | 'trial';

export interface Breaker {
  readonly key: string;
  /** A permit to call, or undefined while the breaker is open (or another instance holds the trial). */
  acquire(trialMs: number): Promise<Permit | undefined>;
  success(permit: Permit): Promise<void>;
  failure(permit: Permit): Promise<void>;
  /** The call said nothing about the endpoint's health (the model refused): just free the trial lease. */
  release(permit: Permit): Promise<void>;
  state(): Promise<BreakerState>;
}

export interface BreakerOptions {
  /** The shared producer connection (no offline queue: commands fail at once while Redis is down). */
  redis: Redis;
  /** Under the configured queue prefix, so deployments (and test files) sharing a Redis stay apart. */
  key: string;
  clock: Clock;
  log: Log;
  failures: number;
  openMs: number;
  /** How long a breaker command may take before the breaker is treated as closed. */
  commandTimeoutMs?: number;
}

const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'clean' end
local open_until = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
if open_until == 0 then return 'closed' end
local now = tonumber(ARGV[1])
if now < open_until then return 'open' end
if now < tonumber(redis.call('HGET', KEYS[1], 'trial_until') or '0') then return 'open' end
redis.call('HSET', KEYS[1], 'trial_until', now + tonumber(ARGV[2]))
return 'trial'`;

// A failed trial reopens at once; otherwise the breaker opens on the threshold-th consecutive failure
// (a late failure from a call that started before it opened does not extend the open period).
const FAILURE = `
local now = tonumber(ARGV[1])
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local open_until = tonumber(redis.call('HGET', KEYS[1], 'open_until') or '0')
local opened = 0
if ARGV[4] == 'trial' or (failures >= tonumber(ARGV[2]) and open_until <= now) then
  redis.call('HSET', KEYS[1], 'open_until', now + tonumber(ARGV[3]))
  redis.call('HDEL', KEYS[1], 'trial_until')
  opened = 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return opened`;

// Failures older than this (with no call in between) are forgotten, and a forgotten open breaker closes.
const FORGET_AFTER_MS = 60 * 60_000;
const WARN_EVERY_MS = 60_000;

export function createRedisBreaker(options: BreakerOptions): Breaker {
  const { redis, key, clock, log } = options;
  const commandTimeoutMs = options.commandTimeoutMs ?? 250;
  let lastWarnAt = -Infinity;

  /**
   * Redis down or slow must never block a reply: the breaker then fails open (behaves as closed) and
   * the call goes to the model, whose own timeout still bounds it. The connection has no offline queue,
   * so a disconnected Redis rejects at once; the timeout covers one that accepts but does not answer.
   */
  async function run<T>(what: string, command: () => Promise<T>, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`breaker ${what} took over ${commandTimeoutMs} ms`)), commandTimeoutMs);
      });
      return await Promise.race([command(), timedOut]);
    } catch (error) {
      if (performance.now() - lastWarnAt > WARN_EVERY_MS) {
        lastWarnAt = performance.now();
        log.warn({ breaker: key, err: (error as Error).message }, 'LLM breaker state unavailable; treating it as closed');
      }
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  const now = () => clock.now().getTime();

  return {
    key,
    async acquire(trialMs) {
      const state = await run('acquire', () => redis.eval(ACQUIRE, 1, key, now(), Math.max(1, Math.round(trialMs))) as Promise<string>, 'closed' as string);
      if (state === 'trial') log.info({ breaker: key }, 'LLM breaker half-open: letting one trial call through');
      return state === 'open' ? undefined : (state as Permit);
    },
    async success(permit) {
      // Nothing on record when the call started: nothing to reset, and the healthy path costs no write.
      // (A failure recorded meanwhile by a concurrent call keeps its count until a success that sees it.)
      if (permit === 'clean') return;
      const deleted = await run('success', () => redis.del(key), 0);
      if (permit === 'trial' && deleted > 0) log.info({ breaker: key }, 'LLM breaker closed: the trial call succeeded');
    },
    async failure(permit) {
      const opened = await run('failure', () => redis.eval(FAILURE, 1, key, now(), options.failures, options.openMs, permit, options.openMs + FORGET_AFTER_MS) as Promise<number>, 0);
      if (opened === 1) log.warn({ breaker: key, openMs: options.openMs, trial: permit === 'trial' }, 'LLM breaker opened');
    },
    async release(permit) {
      if (permit === 'trial') await run('release', () => redis.hdel(key, 'trial_until'), 0);
    },
    async state() {
      const [openUntil] = await redis.hmget(key, 'open_until');
      if (!openUntil) return 'closed';
      return now() < Number(openUntil) ? 'open' : 'half_open';
    },
  };
}
