/**
 * Voice-turn benchmark: many concurrent simulated calls against the real service, run as in production
 * (a web process and a worker process, Postgres, Redis), with a fake LLM of fixed latency. Each call is
 * walked like Twilio walks it (the same TwiML walker as the e2e tests and `npm run phone -- --call`): the
 * caller speaks as soon as the assistant stops, for `--turns` turns. For every turn the time the speech
 * webhook took, minus the LLM's own latency, is what the service added: queueing, the worker's reads
 * and writes, the reply-ready signal, and the webhook's own work.
 *
 *   npm run bench -- voice-turn [--calls 40] [--turns 5] [--llm-ms 1000] [--wait-ms 4000] [--sms-backlog N] [--log-dir DIR]
 *
 * `--sms-backlog N` posts N texts just before the measured calls, more than the workers can answer while
 * the calls last, so every turn competes with a queue of texts (sent to a local fake Twilio).
 *
 * Needs Postgres on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379, like the tests.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { walkCall, type Transport } from '../src/dev/twiml-walker.js';
import { twilioSignature } from '../src/providers/twilio-signature.js';
import { Queue } from 'bullmq';
import { startFakeTwilio } from '../test/helpers/fake-twilio.js';
import { sendJson, startLocalServer } from '../test/helpers/http-server.js';
import { createTestSchema } from '../test/helpers/postgres.js';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../test/helpers/redis.js';
import { runToCompletion, stopProcess } from './processes.js';
import { makeSignedRequests } from './signed-requests.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    calls: { type: 'string', default: '40' },
    turns: { type: 'string', default: '5' },
    'llm-ms': { type: 'string', default: '1000' },
    'wait-ms': { type: 'string', default: '4000' },
    'sms-backlog': { type: 'string', default: '0' },
    port: { type: 'string', default: '3930' },
    // Where the web and worker logs go (one JSON line per request and per job); a temp dir by default.
    'log-dir': { type: 'string' },
  },
});
const calls = Number(values.calls);
const turns = Number(values.turns);
const llmMs = Number(values['llm-ms']);
const smsBacklog = Number(values['sms-backlog']);
const port = Number(values.port);
const logDir = values['log-dir'] ?? mkdtempSync(join(tmpdir(), 'voice-bench-'));
const webLog = join(logDir, 'web.log');
const PUBLIC_URL = 'https://bench.switchboard.test';
// Up to this long "thinking" before each utterance (uniform), and calls start spread over the same span.
const THINK_MS = 1_000;
const AUTH_TOKEN = randomBytes(16).toString('hex');
const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const PREFIX = `bench-voice-${randomBytes(4).toString('hex')}`;

/**
 * Starts src/main.ts in one mode, its log kept for reading back (bench/processes.ts's startProcess
 * discards it, and waits for an IPC message a worker never sends). Waits on healthUrl if given.
 */
async function start(args: string[], env: Record<string, string>, healthUrl?: string): Promise<ChildProcess> {
  const logs = openSync(join(logDir, `${args[0]}.log`), 'w');
  // BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the service processes.
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = fork('src/main.ts', args, { execArgv: ['--import', 'tsx', ...flags], env: { ...process.env, ...env }, stdio: ['ignore', logs, 'inherit', 'ipc'] });
  if (!healthUrl) return child;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(healthUrl).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`src/main.ts ${args.join(' ')} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return child;
}

/** Posts to the local web process what Twilio would post to PUBLIC_URL, signed for PUBLIC_URL. */
const transport: Transport = async (url, params) => {
  const local = url.replace(PUBLIC_URL, `http://127.0.0.1:${port}`);
  const res = await fetch(local, {
    method: 'POST',
    headers: { 'x-twilio-signature': twilioSignature(AUTH_TOKEN, url, params), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
};

/**
 * An OpenAI-compatible chat server with a fixed latency that records, per question, how long it really
 * took to answer (timers fire late on a busy machine; that lateness is the LLM's, not the service's).
 */
async function startFixedLatencyLlm(latencyMs: number) {
  const took = new Map<string, number>();
  const server = await startLocalServer(async (_req, res, body) => {
    const started = performance.now();
    const request = JSON.parse(body) as { model: string; messages: { content: string }[] };
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    sendJson(res, 200, {
      id: 'chatcmpl-bench', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'A short spoken answer for the benchmark.', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 40, completion_tokens: 8, total_tokens: 48 },
    });
    // First request per text only: the reply's. A later fact-extraction call may end with the same text.
    const key = request.messages.at(-1)!.content;
    if (!took.has(key)) took.set(key, performance.now() - started);
  });
  return { url: `${server.url}/v1`, took, close: server.close };
}

interface Sample {
  path: string;
  ms: number;
  /** For a speech turn: what was said (the LLM's key) and the turn's dedupe key (the web log's). */
  speech?: string;
  turnKey?: string;
}

async function oneCall(index: number, round: string, turns: number): Promise<{ samples: Sample[]; ended: string }> {
  let said = 0;
  const from = `+1555${String(2_000_000 + index).padStart(7, '0')}`;
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const result = await walkCall({
    url: `${PUBLIC_URL}/twilio/voice`,
    call: { CallSid: callSid, From: from, To: '+15550001111' },
    transport,
    statusCallbackUrl: `${PUBLIC_URL}/twilio/voice/status`,
    caller: {
      hear: () => undefined,
      // Real callers take a moment to answer; the jitter also keeps calls from marching in lockstep.
      speak: async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS));
        return said < turns ? `${round} question ${++said} from caller ${index}` : null;
      },
    },
  });
  const samples = result.requests.map((r): Sample => {
    const url = new URL(r.url);
    return { path: url.pathname, ms: r.ms, speech: r.speech, turnKey: r.speech ? `${callSid}:${url.searchParams.get('turn')}` : undefined };
  });
  return { samples, ended: result.ended };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round1 = (n: number) => Math.round(n * 10) / 10;
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: round1(percentile(sorted, 50)), p90: round1(percentile(sorted, 90)), p99: round1(percentile(sorted, 99)), max: round1(sorted.at(-1) ?? NaN) };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 100 Hz ticks
  } catch {
    return NaN;
  }
}

interface LogEntry {
  time: string;
  ms: number;
  [field: string]: unknown;
}

/** A service process's JSON log lines that match. */
function logEntries(file: string, match: (entry: LogEntry) => boolean): LogEntry[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry).filter(match);
}

/**
 * Where a turn's time went, from the two processes' logs (each line has its end time and duration): from
 * the speech webhook's start to its `reply` job's start (message stored, job queued and picked up), the
 * job's own work besides the LLM, and from the job's end to the webhook's answer (signal, read, TwiML).
 */
function turnPhases(speech: Sample[], llmTook: (s: Sample) => number) {
  const webhooks = new Map(logEntries(webLog, (e) => e.route === '/twilio/voice/gather').map((e) => [`${e.callSid}:${e.turn}`, e]));
  const jobs = new Map(logEntries(join(logDir, 'worker.log'), (e) => e.queue === 'reply').map((e) => [e.messageId, e]));
  const phases = { webhookMs: [] as number[], pickupMs: [] as number[], jobOwnMs: [] as number[], answerMs: [] as number[] };
  // The reply job's own steps, from its log line (src/conversation/reply.ts); llmMs includes the HTTP client.
  const steps: Record<string, number[]> = { readMs: [], contextMs: [], promptMs: [], llmOverheadMs: [], saveMs: [], afterMs: [] };
  for (const sample of speech) {
    const webhook = webhooks.get(sample.turnKey!);
    const job = webhook && jobs.get(webhook.messageId);
    if (!webhook || !job) continue;
    const [webhookEnd, jobEnd] = [Date.parse(webhook.time), Date.parse(job.time)];
    phases.webhookMs.push(webhook.ms - llmTook(sample));
    phases.pickupMs.push(jobEnd - job.ms - (webhookEnd - webhook.ms));
    phases.jobOwnMs.push(job.ms - llmTook(sample));
    phases.answerMs.push(webhookEnd - jobEnd);
    for (const step of ['readMs', 'contextMs', 'promptMs', 'saveMs', 'afterMs']) if (typeof job[step] === 'number') steps[step]!.push(job[step]);
    if (typeof job.llmMs === 'number') steps.llmOverheadMs!.push(job.llmMs - llmTook(sample));
  }
  const summarise = (groups: Record<string, number[]>) => Object.fromEntries(Object.entries(groups).map(([name, values]) => [name, stats(values)]));
  return { ...(summarise(phases) as Record<keyof typeof phases, ReturnType<typeof stats>>), jobSteps: summarise(steps) };
}

/** Posts the texts of the backlog to the web process, 50 at a time; resolves when all are stored. */
async function postSmsBacklog(count: number) {
  // Senders other than the callers (+1555 2000000…): the backlog is other people.
  const requests = makeSignedRequests(count, { authToken: AUTH_TOKEN, url: `${PUBLIC_URL}/twilio/sms`, senders: Math.min(count, 2_000), firstSender: 5_000_000 });
  for (let i = 0; i < requests.length; i += 50) {
    await Promise.all(
      requests.slice(i, i + 50).map(async ({ body, signature }) => {
        const res = await fetch(`http://127.0.0.1:${port}/twilio/sms`, { method: 'POST', headers: { 'x-twilio-signature': signature, 'content-type': 'application/x-www-form-urlencoded' }, body });
        if (res.status !== 200) throw new Error(`backlog SMS answered ${res.status}`);
        await res.arrayBuffer();
      }),
    );
  }
}

async function main() {
  const schema = await createTestSchema();
  const llm = await startFixedLatencyLlm(llmMs);
  const twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const replyQueue = new Queue('reply', { connection: { url: TEST_REDIS_URL }, prefix: PREFIX });
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PORT: String(port),
    PUBLIC_URL,
    DATABASE_URL: schema.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_URL: twilio.url,
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: llm.url,
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    PHONE_HASH_KEY: randomBytes(32).toString('hex'),
    HELP_SUPPORT_CONTACT: 'bench@switchboard.test',
    // One job slot per concurrent call: the LLM's latency is waited out in parallel, never queued.
    WORKER_CONCURRENCY: String(Math.max(16, calls)),
    VOICE_REPLY_WAIT_MS: values['wait-ms']!,
  };
  console.error('migrating, starting web and worker processes…');
  await runToCompletion('src/db/migrate-cli.ts', env);
  const web = await start(['web'], env, `http://127.0.0.1:${port}/health`);
  const worker = await start(['worker'], env);

  try {
    console.error(`warm-up: ${calls} calls × 2 turns (people created, JIT warm)…`);
    await Promise.all(Array.from({ length: calls }, (_, i) => oneCall(i, 'warm-up', 2)));
    if (smsBacklog > 0) {
      console.error(`posting a backlog of ${smsBacklog} texts…`);
      await postSmsBacklog(smsBacklog);
    }
    console.error(`measuring: ${calls} concurrent calls × ${turns} turns, LLM ${llmMs} ms…`);
    const started = performance.now();
    const cpuBefore = { web: cpuMs(web), worker: cpuMs(worker) };
    const results = await Promise.all(
      Array.from({ length: calls }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i / calls) * THINK_MS));
        return oneCall(i, 'measured', turns);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Texts still queued when the last call ended (more than zero: the calls really competed with a backlog).
    const textsStillQueued = smsBacklog > 0 ? (await replyQueue.getJobCounts('prioritized', 'waiting')) : undefined;
    const cpuUsed = { web: cpuMs(web) - cpuBefore.web, worker: cpuMs(worker) - cpuBefore.worker };

    await new Promise((resolve) => setTimeout(resolve, 500)); // let the processes flush their logs
    const samples = results.flatMap((r) => r.samples);
    const speech = samples.filter((s) => s.speech && s.path === '/twilio/voice/gather');
    const llmTook = (s: Sample) => llm.took.get(s.speech!) ?? llmMs;
    const phases = turnPhases(speech, llmTook);
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      settings: { calls, turns, llmMs, replyWaitMs: Number(values['wait-ms']), smsBacklog },
      ...(textsStillQueued ? { textsStillQueued } : {}),
      turnsPerSecond: round1(speech.length / seconds),
      llmActualMs: stats(speech.map(llmTook)),
      // CPU each process spent per turn (its whole call share included: incoming call, status callback).
      cpuMsPerTurn: { web: round1(cpuUsed.web / speech.length), worker: round1(cpuUsed.worker / speech.length) },
      // Turns whose answer missed the wait budget and went through filler + redirect (0 while the LLM is faster).
      heldTurns: samples.filter((s) => s.path === '/twilio/voice/reply').length,
      // What the caller waited beyond the LLM, seen from the caller (includes this process's own HTTP client).
      addedPerTurnMs: stats(speech.map((s) => s.ms - llmTook(s))),
      // The same from the web process's request log (`webhookMs`: the service's own time), split in phases.
      serverPhases: phases,
      incomingCallMs: stats(samples.filter((s) => s.path === '/twilio/voice').map((s) => s.ms)),
      statusCallbackMs: stats(samples.filter((s) => s.path === '/twilio/voice/status').map((s) => s.ms)),
      endings: Object.fromEntries([...new Set(results.map((r) => r.ended))].map((e) => [e, results.filter((r) => r.ended === e).length])),
    };
    console.log(JSON.stringify(report, null, 2));
    console.error(`logs: ${logDir}`);
    const line = (name: string, x: ReturnType<typeof stats>) => console.error(`${name.padEnd(44)} p50 ${x.p50} ms, p90 ${x.p90} ms, p99 ${x.p99} ms, max ${x.max} ms`);
    console.error('');
    line(`added per turn beyond the LLM (${llmMs} ms), caller`, report.addedPerTurnMs);
    line('  the same in the web process', phases.webhookMs!);
    line('  webhook start → reply job start', phases.pickupMs!);
    line('  reply job, besides the LLM', phases.jobOwnMs!);
    line('  reply job end → webhook answer', phases.answerMs!);
    for (const [step, x] of Object.entries(phases.jobSteps)) line(`    job step ${step}`, x);
    console.error(`(${report.addedPerTurnMs.n} turns, ${report.turnsPerSecond} turns/s, ${report.heldTurns} held; CPU per turn: web ${report.cpuMsPerTurn.web} ms, worker ${report.cpuMsPerTurn.worker} ms)`);
    if (textsStillQueued) console.error(`texts still queued behind the calls when they ended: ${JSON.stringify(textsStillQueued)}`);
  } finally {
    await Promise.all([stopProcess(web), stopProcess(worker)]);
    await replyQueue.close();
    await Promise.all([llm.close(), twilio.close()]);
    await deleteKeysWithPrefix(PREFIX);
    await schema.drop();
  }
}

await main();
