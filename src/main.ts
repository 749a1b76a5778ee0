import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { ConfigError, loadConfig, readEnvironment } from './config.js';
import { buildDeps, closeDeps } from './deps.js';
import { migrateToLatest } from './db/migrate.js';
import { seedPlans } from './billing/seed.js';
import { createApp } from './http/app.js';
import { createLog } from './log.js';
import { startWorkers } from '../workers/index.js';

/**
 * Composition root. `npm start` runs web and workers in one process (the only way PGlite works: it is
 * embedded in one process); `start:web` and `start:worker` run them apart, as on Fly.
 */
type Mode = 'all' | 'web' | 'worker';
const mode = (process.argv[2] ?? 'all') as Mode;
if (!['all', 'web', 'worker'].includes(mode)) {
  console.error(`Unknown mode "${mode}": use web, worker, or nothing for both.`);
  process.exit(2);
}

let config;
try {
  config = loadConfig(readEnvironment());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const log = createLog(config.logLevel);
if (config.devDefaults.length > 0) log.warn({ devDefaults: config.devDefaults }, 'running on dev defaults (refused when NODE_ENV=production)');
if (!config.llm.configured) log.warn('no OPENAI_API_KEY or OPENAI_BASE_URL: the offline responder answers every message');
if (!config.twilio.live) log.warn('no Twilio credentials: outbound SMS goes to the console provider (try: npm run phone)');
if (!config.database.url && mode !== 'all') log.warn('embedded PGlite lives in one process: run `npm start` (web + workers together) or set DATABASE_URL');

const deps = await buildDeps(config, { log });
if (config.env !== 'production') await migrateToLatest(deps.db);
// A fresh checkout has plans to meter against; idempotent, never overwrites the operator's edits.
if (config.env !== 'production') await seedPlans(deps.db, config);

let server: Server | undefined;
if (mode !== 'worker') {
  server = serve({ fetch: createApp(deps).fetch, port: config.port }) as Server;
  log.info({ port: config.port, publicUrl: config.publicUrl }, 'web listening');
  // Synthesise the fixed voice prompts now (in the background) so the first callers already hear cached audio.
  if (config.voice.polly) void deps.voice.prompts.warm();
}
const workers = mode !== 'web' ? await startWorkers(deps) : undefined;
if (workers) log.info({ queues: workers.workers.map((w) => w.name) }, 'workers running');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'draining');
  // Stop taking requests, let in-flight ones finish (idle keep-alive sockets would hold close() open).
  const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
  const idle = setInterval(() => server?.closeIdleConnections(), 100);
  const force = setTimeout(() => server?.closeAllConnections(), 10_000);
  await closed;
  clearInterval(idle);
  clearTimeout(force);
  await workers?.close();
  await closeDeps(deps);
  log.info('stopped');
  log.flush();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
