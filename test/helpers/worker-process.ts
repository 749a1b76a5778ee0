/**
 * Runs the workers in a separate process, configured from the environment like a real deployment, so a
 * test can kill it with SIGKILL mid-job. Tuning comes from TEST_LOCK_MS / TEST_STALLED_MS.
 */
import { loadConfig } from '../../src/config.js';
import { buildDeps } from '../../src/deps.js';
import { startWorkers } from '../../workers/index.js';

const deps = await buildDeps(loadConfig());
await startWorkers(deps, { lockDurationMs: Number(process.env.TEST_LOCK_MS), stalledIntervalMs: Number(process.env.TEST_STALLED_MS) });
process.send?.('ready');
