import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseKeyring, type Keyring } from './crypto/keyring.js';

/**
 * The only reader of process.env. Parsed once by `loadConfig`, frozen, passed down in Deps.
 * Dev defaults let `npm start` work on a fresh machine; production refuses every one of them.
 */

/** Signs the local phone simulator's webhooks when no Twilio credentials are configured. */
export const DEV_TWILIO_AUTH_TOKEN = 'dev-twilio-auth-token';
const DEV_ENCRYPTION_KEYS = `dev:${createHash('sha256').update('switchboard-dev-master-key').digest('base64')}`;
const DEV_PHONE_HASH_KEY = 'switchboard-dev-phone-hash-key';
const DEFAULT_SYSTEM_PROMPT =
  'You are a helpful, warm assistant answering by text message. Answer in the language the person writes in. ' +
  'Keep answers short and plain: a few sentences, no markdown, no lists unless asked. ' +
  'You are not a doctor; for anything urgent tell the person to contact their healthcare provider or emergency services.';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional());
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: optionalUrl,
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGLITE_DIR: z.string().default('./.data'),
  DATABASE_POOL_MAX: positiveInt(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('sb'),
  TWILIO_ACCOUNT_SID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits').optional()),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_API_URL: optionalUrl,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  // An SMS reply has no one waiting on the line, so it can afford a slow model; 30 s bounds a hung socket.
  LLM_TIMEOUT_MS: positiveInt(30_000),
  ENCRYPTION_KEYS: optionalString,
  PHONE_HASH_KEY: optionalString,
  SYSTEM_PROMPT: z.string().min(1).default(DEFAULT_SYSTEM_PROMPT),
  // Enough turns for context, few enough to keep the prompt (and its cost) small.
  HISTORY_MESSAGES: positiveInt(12),
  // LLM calls are I/O bound: one worker process can keep many in flight.
  WORKER_CONCURRENCY: positiveInt(16),
  // How often the sweep looks for messages whose job went missing, and how old one must be to count as missing.
  SWEEP_INTERVAL_MS: positiveInt(30_000),
  SWEEP_GRACE_MS: positiveInt(60_000),
  // Safety (src/safety). The alert webhook is optional; when set, it must be signed.
  CRISIS_ALERT_URL: optionalUrl,
  CRISIS_ALERT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional()),
  // An operator's webhook should answer at once; 5 s bounds a hung one, and the job retries.
  CRISIS_ALERT_TIMEOUT_MS: positiveInt(5_000),
  // How long after a crisis message the LLM is reminded to stay supportive and repeat the resources: a day
  // covers the rest of that conversation and the morning after, without colouring every later chat.
  CRISIS_FOLLOW_UP_HOURS: z.coerce.number().positive().default(24),
  // Re-say "you are talking to an AI" after this long: 3 h is roughly one sitting of conversation.
  AI_DISCLOSURE_INTERVAL_HOURS: z.coerce.number().positive().default(3),
  HELP_PROGRAM_NAME: z.string().min(1).max(40).default('Switchboard'),
  // Carriers require HELP to name a support contact (an email, phone number or web page).
  HELP_SUPPORT_CONTACT: optionalString,
  // Replaces the built-in HELP text in every language; {program} and {contact} are filled in.
  HELP_TEXT: optionalString,
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly logLevel: Env['LOG_LEVEL'];
  readonly port: number;
  /** Base URL the providers call; webhook signatures are checked against it, never against the URL the process sees. */
  readonly publicUrl: string;
  readonly database: { readonly url?: string; readonly pgliteDir: string; readonly poolMax: number };
  readonly redis: { readonly url: string; readonly queuePrefix: string };
  readonly twilio: {
    /** False when no credentials are set: outbound goes to the console provider. */
    readonly live: boolean;
    readonly accountSid?: string;
    readonly authToken: string;
    readonly apiUrl?: string;
  };
  readonly llm: {
    /** False when neither a key nor a base URL is set: the offline responder answers. */
    readonly configured: boolean;
    readonly apiKey?: string;
    readonly baseUrl?: string;
    readonly model: string;
    readonly timeoutMs: number;
    readonly systemPrompt: string;
    readonly historyMessages: number;
  };
  readonly keyring: Keyring;
  readonly phoneHashKey: Buffer;
  readonly worker: { readonly concurrency: number; readonly sweepIntervalMs: number; readonly sweepGraceMs: number };
  readonly safety: {
    /** Unset: crisis events are recorded, no alert is posted. */
    readonly crisisAlert?: { readonly url: string; readonly secret: string; readonly timeoutMs: number };
    readonly crisisFollowUpMs: number;
    readonly disclosureIntervalMs: number;
    readonly help: { readonly programName: string; readonly supportContact: string; readonly text?: string };
  };
  /** Names of the variables that fell back to an insecure dev default (empty in production). */
  readonly devDefaults: readonly string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;

  const devDefaults: string[] = [];
  const orDev = <T>(name: string, value: T | undefined, fallback: T): T => {
    if (value !== undefined) return value;
    devDefaults.push(name);
    return fallback;
  };

  const twilioLive = env.TWILIO_ACCOUNT_SID !== undefined && env.TWILIO_AUTH_TOKEN !== undefined;
  if (!twilioLive) devDefaults.push(env.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID');
  const llmConfigured = env.OPENAI_API_KEY !== undefined || env.OPENAI_BASE_URL !== undefined;
  if (!llmConfigured) devDefaults.push('OPENAI_API_KEY');
  const publicUrl = orDev('PUBLIC_URL', env.PUBLIC_URL, `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  orDev('DATABASE_URL', env.DATABASE_URL, undefined);
  if (env.CRISIS_ALERT_URL && !env.CRISIS_ALERT_SECRET) throw new ConfigError('CRISIS_ALERT_URL is set: set CRISIS_ALERT_SECRET too (alerts are signed).');
  const supportContact = orDev('HELP_SUPPORT_CONTACT', env.HELP_SUPPORT_CONTACT, 'the operator of this number');

  const config: Config = {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
    publicUrl,
    database: { url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolMax: env.DATABASE_POOL_MAX },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    twilio: {
      live: twilioLive,
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN ?? DEV_TWILIO_AUTH_TOKEN,
      apiUrl: env.TWILIO_API_URL,
    },
    llm: {
      configured: llmConfigured,
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      systemPrompt: env.SYSTEM_PROMPT,
      historyMessages: env.HISTORY_MESSAGES,
    },
    keyring: parseKeyring(orDev('ENCRYPTION_KEYS', env.ENCRYPTION_KEYS, DEV_ENCRYPTION_KEYS)),
    phoneHashKey: Buffer.from(orDev('PHONE_HASH_KEY', env.PHONE_HASH_KEY, DEV_PHONE_HASH_KEY), 'utf8'),
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      sweepGraceMs: env.SWEEP_GRACE_MS,
    },
    safety: {
      crisisAlert: env.CRISIS_ALERT_URL ? { url: env.CRISIS_ALERT_URL, secret: env.CRISIS_ALERT_SECRET!, timeoutMs: env.CRISIS_ALERT_TIMEOUT_MS } : undefined,
      crisisFollowUpMs: env.CRISIS_FOLLOW_UP_HOURS * 3_600_000,
      disclosureIntervalMs: env.AI_DISCLOSURE_INTERVAL_HOURS * 3_600_000,
      help: { programName: env.HELP_PROGRAM_NAME, supportContact, text: env.HELP_TEXT },
    },
    devDefaults,
  };

  if (config.env === 'production' && devDefaults.length > 0) {
    throw new ConfigError(
      `NODE_ENV=production refuses to start on dev defaults; set ${devDefaults.join(', ')} ` +
        '(OPENAI_API_KEY may be replaced by OPENAI_BASE_URL for a self-hosted model).',
    );
  }
  return Object.freeze(config);
}
