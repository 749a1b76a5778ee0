import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { buildDeps, closeDeps, type DepsOverrides } from '../../src/deps.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createApp } from '../../src/http/app.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import type { WorkerTuning } from '../../workers/queue-worker.js';
import { createTestClock } from './clock.js';
import { startFakeOpenAi } from './fake-openai.js';
import { startFakeTwilio } from './fake-twilio.js';
import { createCapturedLog } from './log-capture.js';
import { createTestSchema } from './postgres.js';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from './redis.js';
import { newMessageSid, signTwilio } from './twilio-sign.js';

export const PUBLIC_URL = 'https://switchboard.test';
export const SERVICE_NUMBER = '+15550001111';

export interface HarnessOptions {
  /** Extra or overriding environment variables for loadConfig. */
  env?: Record<string, string | undefined>;
  overrides?: DepsOverrides;
}

/**
 * A whole service for one test file: real Postgres (own schema), real Redis and BullMQ (own prefix),
 * the real app, and wire-level fakes for Twilio and OpenAI. Workers start only when asked.
 */
export async function createHarness(options: HarnessOptions = {}) {
  const schema = await createTestSchema();
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const twilio = await startFakeTwilio({ accountSid, authToken });
  const openai = await startFakeOpenAi();
  const queuePrefix = `test-${randomBytes(6).toString('hex')}`;

  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    PUBLIC_URL,
    DATABASE_URL: schema.url,
    DATABASE_POOL_MAX: '4',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_API_URL: twilio.url,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openai.url,
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PHONE_HASH_KEY: randomBytes(32).toString('hex'),
    ...options.env,
  };
  const config = loadConfig(env);
  const logs = createCapturedLog();
  const clock = createTestClock();
  const deps = await buildDeps(config, { log: logs.log, clock, ...options.overrides });
  await migrateToLatest(deps.db);
  const app = createApp(deps);
  const running: RunningWorkers[] = [];

  /** Posts a form to a Twilio webhook route, signed like Twilio would (or with the given signature). */
  const postTwilio = (path: string, params: Record<string, string>, init: { signature?: string | null; headers?: Record<string, string> } = {}) => {
    const signature = init.signature === undefined ? signTwilio(authToken, PUBLIC_URL + path, params) : init.signature;
    return app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === null ? {} : { 'x-twilio-signature': signature }),
        ...init.headers,
      },
      body: new URLSearchParams(params).toString(),
    });
  };

  return {
    app,
    deps,
    config,
    /** The environment the config was loaded from: hand it to a child process to run another instance. */
    env,
    twilio,
    openai,
    logs,
    clock,
    schema,
    queuePrefix,
    authToken,
    postTwilio,
    /** A signed inbound SMS, as Twilio would post it. */
    postSms(sms: { from: string; body: string; sid?: string; to?: string }) {
      return postTwilio('/twilio/sms', { MessageSid: sms.sid ?? newMessageSid(), AccountSid: accountSid, From: sms.from, To: sms.to ?? SERVICE_NUMBER, Body: sms.body, NumMedia: '0' });
    },
    async startWorkers(tuning?: WorkerTuning) {
      const workers = await startWorkers(deps, tuning);
      running.push(workers);
      return workers;
    },
    async close() {
      for (const workers of running) await workers.close();
      await closeDeps(deps);
      await Promise.all([twilio.close(), openai.close()]);
      await deleteKeysWithPrefix(queuePrefix);
      await schema.drop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
