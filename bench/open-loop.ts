import { Agent, request } from 'node:http';
import type { SignedRequest } from './signed-requests.js';

export interface OpenLoopResult {
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  /** What the errors were: HTTP status or socket error code, with counts. */
  errorKinds?: Record<string, number>;
  achievedRps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** p99 of each second of the run: a tail spread evenly is queueing, one bad second is a stall. */
  p99BySecond: number[];
}

/**
 * Open-loop load: request i is due at start + i/rate, evenly spaced, whether or not earlier ones have
 * answered; latency is counted from that scheduled time, so a server (or client) that falls behind pays
 * for the queueing it causes. (autocannon's overallRate sends each second's budget as a burst, and a
 * closed loop hides queueing by waiting for answers: neither measures this.)
 */
export async function runOpenLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  requests: SignedRequest[];
  /** Seconds sent at the same rate before the measured ones and left out of the figures (JIT, caches, connections). */
  leadInSeconds?: number;
  maxSockets?: number;
}): Promise<OpenLoopResult> {
  const { rate } = options;
  const leadIn = rate * (options.leadInSeconds ?? 0);
  const seconds = options.seconds + (options.leadInSeconds ?? 0);
  const total = rate * seconds;
  if (options.requests.length < total) throw new Error(`need ${total} requests, have ${options.requests.length}`);
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 512 });
  const latencies = new Float64Array(total);
  let done = 0;
  let ok = 0;
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const countError = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let next = 0;
  const start = performance.now() + 50;

  await new Promise<void>((resolve) => {
    const fire = (i: number, scheduled: number) => {
      const req = options.requests[i]!;
      const r = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(req.body), 'x-twilio-signature': req.signature } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies[i] = performance.now() - scheduled;
            if (res.statusCode === 200) ok++;
            else countError(`HTTP ${res.statusCode}`);
            if (++done === total) resolve();
          });
        },
      );
      r.on('error', (error: NodeJS.ErrnoException) => {
        latencies[i] = performance.now() - scheduled;
        countError(error.code ?? error.message);
        if (++done === total) resolve();
      });
      r.end(req.body);
    };
    // Every request that has come due is sent, each timed from its own due time. A timer (not a busy loop)
    // wakes the sender: on a 2-core box a spinning client would steal a core from the server it measures.
    // Timers fire up to ~1 ms late; that lateness is counted in the latency, the same for every target.
    const tick = () => {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) {
        fire(next, start + (next * 1000) / rate);
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
    };
    setTimeout(tick, 50);
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const measured = latencies.subarray(leadIn);
  const sorted = Array.from(measured).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
  const p99BySecond = Array.from({ length: options.seconds }, (_, s) => {
    const second = Array.from(measured.subarray(s * rate, (s + 1) * rate)).sort((a, b) => a - b);
    return Math.round(second[Math.floor(second.length * 0.99)]! * 10) / 10;
  });
  return { rate, sent: total - leadIn, ok, errors, ...(errors ? { errorKinds } : {}), achievedRps: Math.round(total / elapsed), p50: pct(50), p90: pct(90), p99: pct(99), max: pct(100), p99BySecond };
}
