import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { newMessageSid, randomUsNumber } from '../helpers/twilio-sign.js';
import { disclosed } from '../helpers/disclosure.js';

describe('POST /twilio/sms (happy path)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('answers empty TwiML at once and texts the LLM reply back to the sender, from the number they texted', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'text', text: 'Drink some water and rest.' });
    const sent = h.twilio.nextMessage();

    const res = await h.postSms({ from, body: 'I feel dizzy today' });

    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const message = await sent;
    expect(message).toMatchObject({ to: from, from: SERVICE_NUMBER, body: disclosed('Drink some water and rest.') });
    expect(message.statusCallback).toMatch(/^https:\/\/switchboard\.test\/twilio\/sms\/status\?messageId=[0-9a-f-]{36}$/);
    const lastUserTurn = h.openai.requests.at(-1)?.messages.at(-1);
    expect(lastUserTurn).toEqual({ role: 'user', content: 'I feel dizzy today' });
  });

  it('gives the LLM the earlier turns of the conversation', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'text', text: 'Nice to meet you, Ana.' }, { kind: 'text', text: 'You told me your name is Ana.' });
    await h.postSms({ from, body: 'My name is Ana' });
    await h.twilio.waitForCount(h.twilio.sent.length + 1);
    const second = h.twilio.nextMessage();
    await h.postSms({ from, body: 'What is my name?' });
    expect((await second).body).toBe('You told me your name is Ana.');

    const messages = h.openai.requests.at(-1)!.messages;
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'My name is Ana' },
      { role: 'assistant', content: 'Nice to meet you, Ana.' },
      { role: 'user', content: 'What is my name?' },
    ]);
  });

  it('records delivery status forward only: a late "sent" never overwrites "delivered"', async () => {
    const sent = h.twilio.nextMessage();
    await h.postSms({ from: randomUsNumber(), body: 'hello' });
    const message = await sent;
    const callbackPath = new URL(message.statusCallback!).pathname + new URL(message.statusCallback!).search;
    const status = async (MessageStatus: string) => {
      const res = await h.postTwilio(callbackPath, { MessageSid: message.sid, MessageStatus, AccountSid: 'AC1' });
      expect(res.status, await res.text()).toBe(200);
    };
    const stored = () => h.deps.db.selectFrom('messages').select('status').where('provider_message_id', '=', message.sid).executeTakeFirstOrThrow();

    await status('delivered');
    await status('sent');
    expect((await stored()).status).toBe('delivered');
    await status('delivered');
    expect((await stored()).status).toBe('delivered');
  });

  it('records a status callback that arrives before the send step wrote the provider id', async () => {
    const sid = newMessageSid();
    const unknown = await h.postTwilio('/twilio/sms/status', { MessageSid: sid, MessageStatus: 'delivered' });
    expect(unknown.status, await unknown.text()).toBe(200);
  });

  it('reports health and readiness', async () => {
    expect((await h.app.request('/health')).status).toBe(200);
    const ready = await h.app.request('/ready');
    expect(ready.status, await ready.clone().text()).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });
});
