import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseKeyring, type Keyring } from './crypto/keyring.js';
import { DEFAULT_PRICES, parsePrices, type PriceTable } from './llm/pricing.js';

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
const booleanFlag = (fallback: boolean) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(String(v).toLowerCase())), z.boolean());

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
  // A second model (and optionally a second server) tried when the first fails or its breaker is open.
  OPENAI_FALLBACK_MODEL: optionalString,
  OPENAI_FALLBACK_BASE_URL: optionalUrl,
  OPENAI_FALLBACK_API_KEY: optionalString,
  // The voice route answers Twilio within a few seconds and then redirects the caller while the job goes
  // on, so a voice reply may take longer than one webhook, but a caller on hold gives up sooner than a texter.
  LLM_VOICE_TIMEOUT_MS: positiveInt(20_000),
  // Three SMS segments are ~460 characters, ~120 English tokens; 300 leaves room for wordier languages
  // and a sentence end to cut at, and caps what a runaway answer can cost.
  LLM_MAX_TOKENS: positiveInt(300),
  // Five failures in a row is an outage, not bad luck; five minutes lets a restarting server come back
  // without every reply in between waiting out its timeout.
  LLM_BREAKER_FAILURES: positiveInt(5),
  LLM_BREAKER_OPEN_MS: positiveInt(300_000),
  // System prompt, facts, a dozen SMS-sized turns and the message fit easily; a long voice session or
  // pasted essays get their oldest turns dropped, so a reply's input cost stays bounded.
  LLM_PROMPT_TOKEN_BUDGET: positiveInt(3_000),
  // model=input/output USD per 1M tokens, merged over the built-in OpenAI list prices (src/llm/pricing.ts).
  LLM_PRICES: z.string().default(''),
  // A new conversation after an hour of silence: yesterday's topic should not steer today's answer.
  SESSION_IDLE_MS: positiveInt(3_600_000),
  // Long-term facts (due date, diet, allergies…) extracted from messages by one extra, small LLM call.
  FACTS_ENABLED: booleanFlag(true),
  // "Current" facts (a symptom, a mood) fade after this; stable ones (a due date) stay.
  FACTS_CURRENT_TTL_DAYS: positiveInt(7),
  // Flood guard: more texts than this from one number within the window are stored but not answered. A
  // reply loop with another bot runs at one text every few seconds; a person waits for each answer.
  FLOOD_MAX_MESSAGES: z.coerce.number().int().min(0).default(30),
  FLOOD_WINDOW_MS: positiveInt(600_000),
  // Three segments keep a reply to a few sentences and its cost to three messages.
  SMS_MAX_SEGMENTS: z.coerce.number().int().min(1).max(10).default(3),
  // Strip accents in every language so replies stay GSM-7 (up to 3x cheaper in es/fr/pt, less correct).
  SMS_FORCE_GSM: booleanFlag(false),
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
  // Voice: how long a speech webhook waits for the reply before answering a filler + <Redirect>. A caller
  // hears silence meanwhile; ~4 s still sounds like thinking, and keeps every webhook far inside Twilio's 15 s.
  VOICE_REPLY_WAIT_MS: positiveInt(4_000),
  // Voice: give up on one turn (apology, next question) after this. Longer than a voice LLM call (20 s) plus
  // the reply job's first retries, so only a stuck or absent worker ever reaches it.
  VOICE_TURN_MAX_WAIT_MS: positiveInt(45_000),
  // Amazon Polly for the fixed voice prompts: used only when both keys are set, else Twilio's <Say voice="Polly.…">.
  AWS_REGION: z.string().min(1).default('us-east-1'),
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  // A Polly-compatible endpoint (tests use a local fake); unset means AWS's own for AWS_REGION.
  POLLY_ENDPOINT: optionalUrl,
  // Billing (src/billing): all three Stripe values or none. Without them plans and quotas still apply,
  // but UPGRADE/MANAGE answer that upgrades are not available.
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_PREMIUM: optionalString,
  STRIPE_API_URL: optionalUrl,
  // UPGRADE is answered inside Twilio's webhook, which gives up at 15 s; it makes at most two Stripe calls.
  STRIPE_TIMEOUT_MS: positiveInt(4_000),
  BILLING_SUCCESS_URL: optionalUrl,
  BILLING_CANCEL_URL: optionalUrl,
  BILLING_PORTAL_RETURN_URL: optionalUrl,
  // The From of billing texts to someone who never texted in (normally their last service number is used).
  DEFAULT_SERVICE_NUMBER: z.preprocess((v) => (v === '' ? undefined : v), z.e164().optional()),
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
    /** Tried after the primary model fails; same server and key unless given. */
    readonly fallback?: { readonly model: string; readonly baseUrl?: string; readonly apiKey?: string };
    readonly voiceTimeoutMs: number;
    readonly maxTokens: number;
    readonly breaker: { readonly failures: number; readonly openMs: number };
    readonly promptTokenBudget: number;
    readonly prices: PriceTable;
  };
  readonly memory: {
    /** Silence after which a new session starts with no short-term history. */
    readonly sessionIdleMs: number;
    readonly factsEnabled: boolean;
    readonly currentFactTtlMs: number;
  };
  readonly sms: { readonly maxSegments: number; readonly forceGsm: boolean };
  /** maxMessages 0: no flood guard. */
  readonly flood: { readonly maxMessages: number; readonly windowMs: number };
  readonly keyring: Keyring;
  readonly phoneHashKey: Buffer;
  readonly worker: { readonly concurrency: number; readonly sweepIntervalMs: number; readonly sweepGraceMs: number };
  readonly voice: {
    readonly replyWaitMs: number;
    readonly turnMaxWaitMs: number;
    /** Set when AWS credentials are configured: fixed prompts are synthesised once and served with <Play>. */
    readonly polly?: { readonly region: string; readonly accessKeyId: string; readonly secretAccessKey: string; readonly endpoint?: string };
  };
  readonly safety: {
    /** Unset: crisis events are recorded, no alert is posted. */
    readonly crisisAlert?: { readonly url: string; readonly secret: string; readonly timeoutMs: number };
    readonly crisisFollowUpMs: number;
    readonly disclosureIntervalMs: number;
    readonly help: { readonly programName: string; readonly supportContact: string; readonly text?: string };
  };
  readonly billing: {
    /** Undefined when Stripe is not configured: quotas still apply, upgrades are unavailable. */
    readonly stripe?: {
      readonly secretKey: string;
      readonly webhookSecret: string;
      readonly pricePremium: string;
      /** A live key (sk_live_/rk_live_): test-mode events are then ignored. */
      readonly live: boolean;
      readonly apiUrl?: string;
      readonly timeoutMs: number;
    };
    readonly successUrl: string;
    readonly cancelUrl: string;
    readonly portalReturnUrl: string;
    readonly defaultServiceNumber?: string;
  };
  /** Names of the variables that fell back to an insecure dev default (empty in production). */
  readonly devDefaults: readonly string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseConfigPrices(spec: string) {
  try {
    return parsePrices(spec);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\nLLM_PRICES: ${(error as Error).message}`);
  }
}

/**
 * The environment the entry points read: `process.env`, after loading `.env` from the working directory
 * when there is one. Variables already set in the real environment win over the file.
 */
export function readEnvironment(file = '.env'): Record<string, string | undefined> {
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // `NAME=` (as copied from .env.example) means "not set": the default applies, not an empty value.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(given);
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
  const stripeValues = [env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET, env.STRIPE_PRICE_PREMIUM];
  if (stripeValues.some((v) => v !== undefined) && stripeValues.some((v) => v === undefined)) {
    throw new ConfigError('Set all of STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_PREMIUM, or none of them.');
  }

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
      fallback:
        env.OPENAI_FALLBACK_MODEL || env.OPENAI_FALLBACK_BASE_URL
          ? {
              model: env.OPENAI_FALLBACK_MODEL ?? env.OPENAI_MODEL,
              baseUrl: env.OPENAI_FALLBACK_BASE_URL ?? env.OPENAI_BASE_URL,
              apiKey: env.OPENAI_FALLBACK_API_KEY ?? env.OPENAI_API_KEY,
            }
          : undefined,
      voiceTimeoutMs: env.LLM_VOICE_TIMEOUT_MS,
      maxTokens: env.LLM_MAX_TOKENS,
      breaker: { failures: env.LLM_BREAKER_FAILURES, openMs: env.LLM_BREAKER_OPEN_MS },
      promptTokenBudget: env.LLM_PROMPT_TOKEN_BUDGET,
      prices: Object.freeze({ ...DEFAULT_PRICES, ...parseConfigPrices(env.LLM_PRICES) }),
    },
    memory: {
      sessionIdleMs: env.SESSION_IDLE_MS,
      factsEnabled: env.FACTS_ENABLED,
      currentFactTtlMs: env.FACTS_CURRENT_TTL_DAYS * 86_400_000,
    },
    sms: { maxSegments: env.SMS_MAX_SEGMENTS, forceGsm: env.SMS_FORCE_GSM },
    flood: { maxMessages: env.FLOOD_MAX_MESSAGES, windowMs: env.FLOOD_WINDOW_MS },
    keyring: parseKeyring(orDev('ENCRYPTION_KEYS', env.ENCRYPTION_KEYS, DEV_ENCRYPTION_KEYS)),
    phoneHashKey: Buffer.from(orDev('PHONE_HASH_KEY', env.PHONE_HASH_KEY, DEV_PHONE_HASH_KEY), 'utf8'),
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      sweepGraceMs: env.SWEEP_GRACE_MS,
    },
    voice: {
      replyWaitMs: env.VOICE_REPLY_WAIT_MS,
      turnMaxWaitMs: env.VOICE_TURN_MAX_WAIT_MS,
      polly: env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { region: env.AWS_REGION, accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, endpoint: env.POLLY_ENDPOINT }
        : undefined,
    },
    safety: {
      crisisAlert: env.CRISIS_ALERT_URL ? { url: env.CRISIS_ALERT_URL, secret: env.CRISIS_ALERT_SECRET!, timeoutMs: env.CRISIS_ALERT_TIMEOUT_MS } : undefined,
      crisisFollowUpMs: env.CRISIS_FOLLOW_UP_HOURS * 3_600_000,
      disclosureIntervalMs: env.AI_DISCLOSURE_INTERVAL_HOURS * 3_600_000,
      help: { programName: env.HELP_PROGRAM_NAME, supportContact, text: env.HELP_TEXT },
    },
    billing: {
      stripe: env.STRIPE_SECRET_KEY
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
            pricePremium: env.STRIPE_PRICE_PREMIUM!,
            live: /^(sk|rk)_live_/.test(env.STRIPE_SECRET_KEY),
            apiUrl: env.STRIPE_API_URL,
            timeoutMs: env.STRIPE_TIMEOUT_MS,
          }
        : undefined,
      successUrl: env.BILLING_SUCCESS_URL ?? `${publicUrl}/billing/success`,
      cancelUrl: env.BILLING_CANCEL_URL ?? `${publicUrl}/billing/cancel`,
      portalReturnUrl: env.BILLING_PORTAL_RETURN_URL ?? `${publicUrl}/billing/done`,
      defaultServiceNumber: env.DEFAULT_SERVICE_NUMBER,
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
