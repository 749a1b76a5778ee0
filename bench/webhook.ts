/**
 * Webhook load benchmark: signed POST /twilio/sms against the real web process (Postgres + Redis), interleaved
 * with the ceiling server (parse + signature check only). Closed loop (autocannon, max throughput), then open
 * loop at fixed rates with evenly spaced arrivals.
 *
 *   npm run bench -- webhook [--seconds 10] [--rates 1000,2000] [--connections 64] [--senders 2000]
 *
 * Needs Postgres on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379, like the tests.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { runOpenLoop, type OpenLoopResult } from './open-loop.js';
import { runToCompletion, startProcess, stopProcess } from './processes.js';
import { makeSignedRequests, type SignedRequest } from './signed-requests.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'webhook'),
  options: {
    seconds: { type: 'string', default: '10' },
    rates: { type: 'string', default: '1000,2000' },
    connections: { type: 'string', default: '64' },
    senders: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
  },
});
const seconds = Number(values.seconds);
const rates = values.rates!.split(',').map(Number);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

const PUBLIC_URL = 'https://bench.switchboard.test';
const AUTH_TOKEN = randomBytes(16).toString('hex');
const ADMIN_DB = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'switchboard_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-${randomBytes(4).toString('hex')}`;
const FULL_PORT = 3900;
const CEILING_PORT = 3901;

async function resetDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_DB });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const url = new URL(ADMIN_DB);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

async function deleteRedisKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** Hands out pre-signed requests in order; the full service must never see the same MessageSid twice. */
function requestSource(requests: SignedRequest[]) {
  let i = 0;
  return {
    take(n: number): SignedRequest[] {
      if (i + n > requests.length) throw new Error('ran out of pre-signed requests: raise the pool size');
      const slice = requests.slice(i, i + n);
      i += n;
      return slice;
    },
    next(): SignedRequest {
      if (i >= requests.length) throw new Error('ran out of pre-signed requests: raise the pool size');
      return requests[i++]!;
    },
  };
}

async function closedLoop(url: string, source: ReturnType<typeof requestSource>, duration: number) {
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/twilio/sms',
        setupRequest: (req) => {
          const r = source.next();
          return { ...req, body: r.body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': r.signature } };
        },
      },
    ],
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function main() {
  const databaseUrl = await resetDatabase();
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PORT: String(FULL_PORT),
    PUBLIC_URL,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    PHONE_HASH_KEY: randomBytes(32).toString('hex'),
  };
  console.error('migrating, starting servers, signing requests…');
  await runToCompletion('src/db/migrate-cli.ts', env);
  const full = await startProcess('src/main.ts', ['web'], env, `http://127.0.0.1:${FULL_PORT}/health`);
  const ceiling = await startProcess('bench/ceiling-server.ts', [String(CEILING_PORT), AUTH_TOKEN, PUBLIC_URL], {});
  const estimate = 20_000 * seconds * rounds * 2 + rates.reduce((a, r) => a + r * seconds, 0) * 2 + 100_000;
  const source = requestSource(makeSignedRequests(estimate, { authToken: AUTH_TOKEN, url: `${PUBLIC_URL}/twilio/sms`, senders: Number(values.senders) }));
  const targets = { ceiling: `http://127.0.0.1:${CEILING_PORT}`, full: `http://127.0.0.1:${FULL_PORT}` } as const;

  try {
    console.error('warming up (every sender seen once, JIT warm)…');
    for (const url of Object.values(targets)) await closedLoop(url, source, 3);

    const closed: Record<string, { rps: number; p50: number; p99: number; non2xx: number; errors: number }[]> = { ceiling: [], full: [] };
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of Object.entries(targets)) {
        console.error(`closed loop, ${name}, round ${round + 1}…`);
        closed[name]!.push(await closedLoop(url, source, seconds));
      }
    }
    const open: Record<string, OpenLoopResult[]> = { ceiling: [], full: [] };
    for (const rate of rates) {
      for (const [name, url] of Object.entries(targets)) {
        console.error(`open loop, ${name}, ${rate} req/s…`);
        open[name]!.push(await runOpenLoop({ url: `${url}/twilio/sms`, rate, seconds, requests: source.take(rate * seconds) }));
      }
    }

    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const ceilingRps = mean(closed.ceiling!.map((r) => r.rps));
    const fullRps = mean(closed.full!.map((r) => r.rps));
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      settings: { seconds, rounds, connections, senders: Number(values.senders), rates },
      closed,
      open,
      summary: { ceilingRps, fullRps, ratio: Math.round((fullRps / ceilingRps) * 1000) / 10 },
    };
    console.log(JSON.stringify(report, null, 2));
    console.error(`\nclosed loop: ceiling ${ceilingRps} req/s, full ${fullRps} req/s = ${report.summary.ratio} % of ceiling`);
    for (const [i, rate] of rates.entries()) {
      const c = open.ceiling![i]!;
      const f = open.full![i]!;
      console.error(`open loop ${rate} req/s: ceiling p50 ${c.p50} p99 ${c.p99} ms | full p50 ${f.p50} p99 ${f.p99} ms (errors ${f.errors})`);
    }
  } finally {
    await Promise.all([stopProcess(full), stopProcess(ceiling)]);
    await deleteRedisKeys();
  }
}

await main();
