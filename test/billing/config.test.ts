import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const stripe = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_PRICE_PREMIUM: 'price_abc' };

describe('billing settings', () => {
  it('leaves Stripe off when none of its settings is set, with pages under PUBLIC_URL', () => {
    const { billing } = loadConfig({ PUBLIC_URL: 'https://sb.example.org/' });
    expect(billing).toEqual({
      stripe: undefined,
      successUrl: 'https://sb.example.org/billing/success',
      cancelUrl: 'https://sb.example.org/billing/cancel',
      portalReturnUrl: 'https://sb.example.org/billing/done',
      defaultServiceNumber: undefined,
    });
  });

  it('refuses a partial Stripe setup', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: '' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('tells a live key from a test key, and takes the overrides', () => {
    expect(loadConfig(stripe).billing.stripe).toMatchObject({ live: false, timeoutMs: 4_000, pricePremium: 'price_abc' });
    expect(loadConfig({ ...stripe, STRIPE_SECRET_KEY: 'rk_live_abc' }).billing.stripe?.live).toBe(true);
    const config = loadConfig({ ...stripe, STRIPE_API_URL: 'http://127.0.0.1:12111', BILLING_SUCCESS_URL: 'https://example.org/thanks', DEFAULT_SERVICE_NUMBER: '+15550001111' });
    expect(config.billing).toMatchObject({ stripe: { apiUrl: 'http://127.0.0.1:12111' }, successUrl: 'https://example.org/thanks', defaultServiceNumber: '+15550001111' });
  });

  it('refuses a DEFAULT_SERVICE_NUMBER that is not E.164', () => {
    expect(() => loadConfig({ DEFAULT_SERVICE_NUMBER: '555-0000' })).toThrow(/DEFAULT_SERVICE_NUMBER/);
  });
});
