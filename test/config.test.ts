import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from '../src/config.js';

/** `NAME=value` lines of an env file, as a shell or `process.loadEnvFile` would read them. */
function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

const production = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://sb.example.org',
  DATABASE_URL: 'postgres://u@db/sb',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  OPENAI_API_KEY: 'sk-x',
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PHONE_HASH_KEY: 'pepper',
  HELP_SUPPORT_CONTACT: 'help@sb.example.org',
};

describe('loadConfig', () => {
  it('runs on dev defaults outside production and lists them', () => {
    const config = loadConfig({});
    expect(config.twilio.live).toBe(false);
    expect(config.llm.configured).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.devDefaults).toEqual(expect.arrayContaining(['TWILIO_ACCOUNT_SID', 'OPENAI_API_KEY', 'ENCRYPTION_KEYS', 'PHONE_HASH_KEY', 'DATABASE_URL']));
  });

  it('starts in production when everything is set', () => {
    const config = loadConfig(production);
    expect(config.devDefaults).toEqual([]);
    expect(config.twilio.live).toBe(true);
  });

  it('refuses to start in production on a dev default, naming each missing variable', () => {
    for (const name of ['ENCRYPTION_KEYS', 'PHONE_HASH_KEY', 'TWILIO_AUTH_TOKEN', 'DATABASE_URL', 'PUBLIC_URL'] as const) {
      expect(() => loadConfig({ ...production, [name]: undefined }), name).toThrow(new RegExp(name));
    }
    expect(() => loadConfig({ ...production, OPENAI_API_KEY: undefined })).toThrow(ConfigError);
    expect(loadConfig({ ...production, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: 'http://ollama:11434/v1' }).llm.configured).toBe(true);
  });

  it('explains invalid values', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'XX123' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', TWILIO_API_URL: '' }).llm.configured).toBe(false);
    // A setting with a default gets the default, not an empty value.
    expect(loadConfig({ SYSTEM_PROMPT: '', WORKER_CONCURRENCY: '' })).toMatchObject({ llm: { systemPrompt: loadConfig({}).llm.systemPrompt }, worker: { concurrency: 16 } });
  });

  it('.env.example lists every setting, and copied as it is gives the defaults', () => {
    const example = parseEnvFile(readFileSync(new URL('../.env.example', import.meta.url), 'utf8'));
    const config = loadConfig(example);
    expect(JSON.stringify(config)).toBe(JSON.stringify(loadConfig({})));
    // Every variable the schema reads is in the example (a new setting must be documented there too).
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const schemaNames = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(schemaNames.length).toBeGreaterThan(40);
    expect(Object.keys(example).sort()).toEqual([...schemaNames].sort());
  });
});

describe('readEnvironment', () => {
  it('loads .env when there is one; the real environment wins', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-env-')), '.env');
    writeFileSync(file, 'SB_TEST_FROM_FILE=file\nSB_TEST_BOTH=file\n');
    process.env.SB_TEST_BOTH = 'environment';
    try {
      const env = readEnvironment(file);
      expect(env.SB_TEST_FROM_FILE).toBe('file');
      expect(env.SB_TEST_BOTH).toBe('environment');
    } finally {
      delete process.env.SB_TEST_FROM_FILE;
      delete process.env.SB_TEST_BOTH;
    }
  });

  it('is process.env unchanged without a file', () => {
    expect(readEnvironment(join(tmpdir(), 'no-such-dir-sb', '.env'))).toBe(process.env);
  });
});
