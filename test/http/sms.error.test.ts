import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { newMessageSid, randomUsNumber } from '../helpers/twilio-sign.js';

describe('POST /twilio/sms (errors)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers a form with no From with 400 and valid TwiML naming the field', async () => {
    const res = await h.postTwilio('/twilio/sms', { MessageSid: newMessageSid(), To: '+15550001111', Body: 'hi' });
    expect(res.status, await res.clone().text()).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(res.headers.get('x-error-code')).toBe('bad_request');
  });

  it('answers a malformed MessageSid or a non-E.164 From with 400', async () => {
    for (const params of [
      { MessageSid: 'not-a-sid', From: randomUsNumber(), To: '+15550001111', Body: 'hi' },
      { MessageSid: newMessageSid(), From: '5551234', To: '+15550001111', Body: 'hi' },
    ]) {
      const res = await h.postTwilio('/twilio/sms', params);
      expect(res.status, await res.text()).toBe(400);
    }
    const stored = await h.deps.db.selectFrom('messages').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('answers a JSON body with 415', async () => {
    const res = await h.app.request('/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Body":"hi"}' });
    expect(res.status, await res.text()).toBe(415);
  });

  it('answers an unknown route with 404 and the JSON error shape', async () => {
    const res = await h.app.request('/nope');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers valid TwiML, not a 5xx, when storage fails mid-request', async () => {
    const broken = await createHarness();
    await broken.deps.db.schema.dropTable('messages').cascade().execute();
    const res = await broken.postSms({ from: randomUsNumber(), body: 'hello?' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toContain('<Message>Sorry, we couldn&apos;t process your message. Please try again in a few minutes.</Message>');
    expect(broken.logs.text()).toContain('unhandled error');
    await broken.close();
  });
});
