import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PUBLIC_URL, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { newMessageSid, randomUsNumber, signTwilio } from '../helpers/twilio-sign.js';

describe('POST /twilio/sms (security)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const countRows = async () => {
    const [messages, people] = await Promise.all([
      h.deps.db.selectFrom('messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      h.deps.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { messages: Number(messages.n), people: Number(people.n) };
  };
  const queued = async () => {
    let total = 0;
    for (const queue of [h.deps.queues.intake, h.deps.queues.reply]) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      total += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    return total;
  };
  const params = () => ({ MessageSid: newMessageSid(), From: randomUsNumber(), To: '+15550001111', Body: 'secret text' });

  it('rejects a request whose signature does not match with 403 and stores and queues nothing', async () => {
    const before = await countRows();
    const res = await h.postTwilio('/twilio/sms', params(), { signature: 'bm90IHRoZSByaWdodCBzaWduYXR1cmU=' });
    expect(res.status, await res.clone().text()).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    await h.deps.enqueue.drain();
    expect(await countRows()).toEqual(before);
    expect(await queued()).toBe(0);
  });

  it('rejects a request with no signature with 403', async () => {
    const res = await h.postTwilio('/twilio/sms', params(), { signature: null });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects a signature made for other parameters (a tampered body) with 403', async () => {
    const original = params();
    const signature = signTwilio(h.authToken, `${PUBLIC_URL}/twilio/sms`, original);
    const res = await h.postTwilio('/twilio/sms', { ...original, Body: 'changed' }, { signature });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects a signature made for another URL (a replay onto another route) with 403', async () => {
    const p = params();
    const signature = signTwilio(h.authToken, `${PUBLIC_URL}/twilio/sms/status`, p);
    const res = await h.postTwilio('/twilio/sms', p, { signature });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects a signature made with another auth token with 403', async () => {
    const p = params();
    const res = await h.postTwilio('/twilio/sms', p, { signature: signTwilio('another-token', `${PUBLIC_URL}/twilio/sms`, p) });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects an oversized body with 413 before reading it', async () => {
    const p = { ...params(), Body: 'x'.repeat(40 * 1024) };
    const res = await h.postTwilio('/twilio/sms', p);
    expect(res.status, await res.clone().text()).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(res.headers.get('x-error-code')).toBe('payload_too_large');
  });

  it('stores one message and sends one reply when the same MessageSid is posted 5 times at once', async () => {
    const workers = await h.startWorkers();
    const p = params();
    const responses = await Promise.all(Array.from({ length: 5 }, () => h.postTwilio('/twilio/sms', p)));
    for (const res of responses) expect(res.status, await res.text()).toBe(200);

    const rows = await h.deps.db.selectFrom('messages').select(['id', 'direction']).where('provider_message_id', '=', p.MessageSid).execute();
    expect(rows).toHaveLength(1);
    await h.twilio.waitForCount(1);
    // Every job the five posts could have caused has run: the reply queue and the send queue are idle.
    await waitForQueuesIdle(h);
    expect(h.twilio.sent.filter((m) => m.to === p.From)).toHaveLength(1);
    await workers.close();
  });
});
