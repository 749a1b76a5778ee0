import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHRASES } from '../../src/conversation/voice/phrases.js';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { newCallSid, placeCall } from '../helpers/voice.js';

describe('voice webhooks (errors)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const callParams = (extra: Record<string, string> = {}) => ({ CallSid: newCallSid(), From: randomUsNumber(), To: SERVICE_NUMBER, ...extra });

  it('answers an internal error with valid TwiML (an apology and a hangup), never a 5xx', async () => {
    const resolve = h.deps.people.resolve;
    h.deps.people.resolve = async () => {
      throw new Error('database on fire');
    };
    try {
      const incoming = await h.postTwilio('/twilio/voice', callParams());
      const body = await incoming.text();
      expect(incoming.status, body).toBe(200);
      expect(incoming.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(body).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna-Neural" language="en-US">${PHRASES.en.apology}</Say><Hangup/></Response>`);

      // Mid-call, the apology is in the call's language.
      const gather = await h.postTwilio('/twilio/voice/gather?turn=2&lang=fr', callParams({ SpeechResult: 'bonjour' }));
      const gatherBody = await gather.text();
      expect(gather.status, gatherBody).toBe(200);
      expect(gatherBody).toContain(`<Say voice="Polly.Lea-Neural" language="fr-FR">${PHRASES.fr.apology.replaceAll("'", '&apos;')}</Say><Hangup/>`);
      expect(h.logs.text()).toContain('unhandled error');
      expect(h.logs.text()).not.toContain('bonjour');
    } finally {
      h.deps.people.resolve = resolve;
    }
  });

  it('tells a caller with a hidden number that it cannot help, and hangs up', async () => {
    for (const from of ['+266696687', 'anonymous', '']) {
      const call = await placeCall(h, { from, lines: ['hello?'] });
      expect(call.ended).toBe('hangup');
      expect(call.said).toEqual([PHRASES.en.hiddenNumber]);
    }
  });

  it('answers a gather with broken turn state with 400 and TwiML', async () => {
    for (const query of ['', '?turn=0&lang=en', '?turn=1&lang=xx', '?turn=abc&lang=en']) {
      const res = await h.postTwilio(`/twilio/voice/gather${query}`, callParams({ SpeechResult: 'hi' }));
      expect(res.status, await res.clone().text()).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    }
  });

  it('answers a webhook missing its call fields with 400', async () => {
    const res = await h.postTwilio('/twilio/voice', { From: randomUsNumber(), To: SERVICE_NUMBER });
    expect(res.status, await res.text()).toBe(400);
    expect(res.headers.get('x-error-code')).toBe('bad_request');
  });
});
