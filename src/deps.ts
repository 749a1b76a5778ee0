import { Redis } from 'ioredis';
import type Stripe from 'stripe';
import type { Kysely } from 'kysely';
import { createStripeClient } from './billing/stripe-client.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createInbox, type Inbox } from './conversation/inbox.js';
import { createVoiceServices, type VoiceServices } from './conversation/voice/services.js';
import { createPersonDirectory, type PersonDirectory } from './conversation/person-directory.js';
import { createDb } from './db/create-db.js';
import type { Database } from './db/schema.js';
import { createLlm } from './llm/create-llm.js';
import type { Llm } from './llm/types.js';
import { createLog, type Log } from './log.js';
import { createConsoleProvider } from './providers/console.js';
import { createTwilioProvider } from './providers/twilio.js';
import type { MessagingProvider } from './providers/types.js';
import { createEnqueue, type Enqueue } from './queue/enqueue.js';
import { closeQueues, createQueues, type Queues } from './queue/queues.js';

/** Everything the app and workers need, built once per process by main.ts (tests build their own). */
export interface Deps {
  config: Config;
  log: Log;
  clock: Clock;
  db: Kysely<Database>;
  /** Producer connection: fails fast (no offline queue) so a dead Redis never stalls a webhook. */
  redis: Redis;
  queues: Queues;
  enqueue: Enqueue;
  /** Outbound SMS by the provider the conversation arrived on. */
  messaging: { twilio: MessagingProvider };
  /** The model chain (timeouts, retries, shared circuit breakers, fallback model); throws when no model answers. */
  llm: Llm;
  people: PersonDirectory;
  inbox: Inbox;
  /** Undefined when Stripe is not configured (config.billing.stripe). */
  stripe?: Stripe;
  /** Voice calls: the reply-ready listener, cached prompt audio, the call's URLs. */
  voice: VoiceServices;
}

export type DepsOverrides = Partial<Pick<Deps, 'log' | 'clock' | 'llm' | 'db'>>;

export async function buildDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const log = overrides.log ?? createLog(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const db = overrides.db ?? (await createDb(config.database));

  const redis = new Redis(config.redis.url, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', (error) => log.warn({ err: error.message }, 'redis connection error'));
  await redis.connect();
  const queues = createQueues(redis, config.redis.queuePrefix);

  const twilio = config.twilio.live
    ? createTwilioProvider({ accountSid: config.twilio.accountSid!, authToken: config.twilio.authToken, apiUrl: config.twilio.apiUrl })
    : createConsoleProvider(log);

  const llm = overrides.llm ?? createLlm(config, { redis, clock, log });

  return {
    config,
    log,
    clock,
    db,
    redis,
    queues,
    enqueue: createEnqueue(queues),
    messaging: { twilio },
    llm,
    people: createPersonDirectory({ db, keyring: config.keyring, phoneHashKey: config.phoneHashKey, clock }),
    // Leave half the pool for everything else on the request path (reads, commands, health checks).
    inbox: createInbox(db, Math.max(1, Math.floor(config.database.poolMax / 2))),
    stripe: config.billing.stripe ? createStripeClient(config.billing.stripe) : undefined,
    voice: createVoiceServices({ config, log, redis, queues }),
  };
}

/** Closes what buildDeps opened, after in-flight batches have landed. */
export async function closeDeps(deps: Deps): Promise<void> {
  await deps.inbox.drain();
  await deps.enqueue.drain();
  await deps.voice.close();
  await closeQueues(deps.queues);
  deps.redis.disconnect();
  await deps.db.destroy();
}
