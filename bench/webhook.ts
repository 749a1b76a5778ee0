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
import { groupsFor, startCpuMeter } from './cpu-usage.js';
import { runOpenLoop, type OpenLoopResult } from './open-loop.js';
import { runToCompletion, startProcess, stopProcess } from './processes.js';
import { makeSignedRequests, type SignedRequest } from './signed-requests.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
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
const PLAIN_PORT = 3902;

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

// Every measured phase starts with this many seconds at the same load, left out of the figures: after the
// checkpoint the first write to each page logs a full page image, and JIT and caches settle.
const LEAD_IN_S = 2;

/** A checkpoint between phases, so one phase's writes are not flushed during the next one's measurement. */
async function settlePostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('checkpoint');
  await client.end();
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

/** Hands out pre-signed requests round and round: for the ceiling, which stores nothing. */
function cyclingSource(requests: SignedRequest[]) {
  let i = 0;
  return {
    take: (n: number) => Array.from({ length: n }, () => requests[i++ % requests.length]!),
    next: () => requests[i++ % requests.length]!,
  };
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

async function closedLoop(url: string, source: { next(): SignedRequest }, duration: number, serverPid?: number) {
  const cpu = serverPid ? startCpuMeter(groupsFor(serverPid)) : undefined;
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
  const used = cpu?.();
  // CPU time per request by process: unlike req/s, it barely moves when something else shares the machine.
  const cpuUsPerRequest = used ? Object.fromEntries(Object.entries(used).map(([k, v]) => [k, Math.round((v / result.requests.total) * 1e6)])) : undefined;
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, cpuUsPerRequest };
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
    HELP_SUPPORT_CONTACT: 'support@bench.example',
  };
  console.error('migrating, starting servers, signing requests…');
  await runToCompletion('src/db/migrate-cli.ts', env);
  const full = await startProcess('src/main.ts', ['web'], env, `http://127.0.0.1:${FULL_PORT}/health`);
  const ceiling = await startProcess('bench/ceiling-server.ts', [String(CEILING_PORT), AUTH_TOKEN, PUBLIC_URL], {});
  const plain = await startProcess('bench/plain-server.ts', [String(PLAIN_PORT), AUTH_TOKEN, PUBLIC_URL, databaseUrl, REDIS_URL, PREFIX], {});
  // Plain and full must never see a MessageSid twice (a duplicate is cheaper); the ceiling keeps nothing, so
  // it cycles a smaller pool. Sized for up to 8,000 req/s closed loop per target.
  const signedUrl = `${PUBLIC_URL}/twilio/sms`;
  const senders = Number(values.senders);
  const distinct = 8_000 * ((seconds + LEAD_IN_S) * rounds + 3) * 2 + rates.reduce((a, r) => a + r * (seconds + LEAD_IN_S), 0) * 2 + 50_000;
  const source = requestSource(makeSignedRequests(distinct, { authToken: AUTH_TOKEN, url: signedUrl, senders }));
  const ceilingSource = cyclingSource(makeSignedRequests(100_000, { authToken: AUTH_TOKEN, url: signedUrl, senders }));
  const sourceFor = (name: string) => (name === 'ceiling' ? ceilingSource : source);
  const targets = { ceiling: `http://127.0.0.1:${CEILING_PORT}`, plain: `http://127.0.0.1:${PLAIN_PORT}`, full: `http://127.0.0.1:${FULL_PORT}` } as const;
  const pids: Record<string, number> = { ceiling: ceiling.pid!, plain: plain.pid!, full: full.pid! };

  try {
    console.error('warming up (every sender seen once, JIT warm)…');
    for (const [name, url] of Object.entries(targets)) await closedLoop(url, sourceFor(name), 3);

    const open: Record<string, OpenLoopResult[]> = { ceiling: [], plain: [], full: [] };
    // Open loop first, on a freshly warmed database: measured after the closed-loop rounds, it would pay
    // for their 100k+ rows and unconsumed jobs (there are no workers in this run) instead of its own load.
    for (const rate of rates) {
      for (const [name, url] of Object.entries(targets)) {
        await settlePostgres(databaseUrl);
        console.error(`open loop, ${name}, ${rate} req/s…`);
        open[name]!.push(await runOpenLoop({ url: `${url}/twilio/sms`, rate, seconds, leadInSeconds: LEAD_IN_S, requests: sourceFor(name).take(rate * (seconds + LEAD_IN_S)) }));
      }
    }

    const closed: Record<string, Awaited<ReturnType<typeof closedLoop>>[]> = { ceiling: [], plain: [], full: [] };
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of Object.entries(targets)) {
        await settlePostgres(databaseUrl);
        console.error(`closed loop, ${name}, round ${round + 1}…`);
        await closedLoop(url, sourceFor(name), LEAD_IN_S);
        closed[name]!.push(await closedLoop(url, sourceFor(name), seconds, pids[name]));
      }
    }
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const ceilingRps = mean(closed.ceiling!.map((r) => r.rps));
    const fullRps = mean(closed.full!.map((r) => r.rps));
    const plainRps = mean(closed.plain!.map((r) => r.rps));
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      settings: { seconds, rounds, connections, senders: Number(values.senders), rates },
      closed,
      open,
      summary: { ceilingRps, plainRps, fullRps, ratio: Math.round((fullRps / ceilingRps) * 1000) / 10, plainRatio: Math.round((plainRps / ceilingRps) * 1000) / 10 },
    };
    console.log(JSON.stringify(report, null, 2));
    console.error(`\nclosed loop: ceiling ${ceilingRps} req/s, plain ${plainRps} req/s = ${report.summary.plainRatio} %, full ${fullRps} req/s = ${report.summary.ratio} % of ceiling`);
    for (const name of ['ceiling', 'plain', 'full']) console.error(`  CPU µs per request (${name}): ${closed[name]!.map((r) => JSON.stringify(r.cpuUsPerRequest)).join(' ')}`);
    for (const [i, rate] of rates.entries()) {
      const [c, p, f] = [open.ceiling![i]!, open.plain![i]!, open.full![i]!];
      console.error(`open loop ${rate} req/s: ceiling p50 ${c.p50} p99 ${c.p99} ms | plain p50 ${p.p50} p99 ${p.p99} ms | full p50 ${f.p50} p99 ${f.p99} ms (errors ${f.errors})`);
    }
  } finally {
    await Promise.all([stopProcess(full), stopProcess(ceiling), stopProcess(plain)]);
    await deleteRedisKeys();
  }
}

await main();
