import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

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
  });
});
