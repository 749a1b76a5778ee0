import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PUBLIC_URL, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber, signTwilio } from '../helpers/twilio-sign.js';
import { newCallSid } from '../helpers/voice.js';

describe('voice webhooks (security and replays)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const callParams = (extra: Record<string, string> = {}) => ({ CallSid: newCallSid(), From: randomUsNumber(), To: SERVICE_NUMBER, CallStatus: 'in-progress', ...extra });
  const count = async (table: 'messages' | 'calls' | 'people') =>
    Number((await h.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it.each(['/twilio/voice', '/twilio/voice/gather?turn=1&lang=en', '/twilio/voice/reply?turn=1&lang=en&wait=1', '/twilio/voice/status'])(
    'rejects %s with 403 when the signature does not match, and records nothing',
    async (path) => {
      const before = await Promise.all([count('messages'), count('calls'), count('people')]);
      const res = await h.postTwilio(path, callParams({ SpeechResult: 'hello', CallStatus: 'completed' }), { signature: 'bm90IHRoZSByaWdodCBzaWduYXR1cmU=' });
      expect(res.status, await res.clone().text()).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(await Promise.all([count('messages'), count('calls'), count('people')])).toEqual(before);
    },
  );

  it('rejects a gather whose turn state in the URL was changed after Twilio signed it', async () => {
    const p = callParams({ SpeechResult: 'hello' });
    const signature = signTwilio(h.authToken, `${PUBLIC_URL}/twilio/voice/gather?turn=1&lang=en`, p);
    const res = await h.postTwilio('/twilio/voice/gather?turn=2&lang=en', p, { signature });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects an unsigned incoming call with 403', async () => {
    const res = await h.postTwilio('/twilio/voice', callParams(), { signature: null });
    expect(res.status, await res.text()).toBe(403);
  });

  it('rejects an oversized body with 413 before reading it', async () => {
    const res = await h.postTwilio('/twilio/voice/gather?turn=1&lang=en', callParams({ SpeechResult: 'x'.repeat(40 * 1024) }));
    expect(res.status, await res.clone().text()).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  });

  it('records one turn and calls the LLM once when the same gather is posted again and again, and answers each post', async () => {
    const workers = await h.startWorkers();
    const llmBefore = h.openai.requests.length;
    h.openai.script({ kind: 'text', text: 'Only once.', delayMs: 300 });
    const p = callParams({ SpeechResult: 'Say something once' });
    const incoming = await h.postTwilio('/twilio/voice', { CallSid: p.CallSid, From: p.From, To: p.To, CallStatus: 'ringing' });
    expect(incoming.status, await incoming.text()).toBe(200);

    const gather = () => h.postTwilio('/twilio/voice/gather?turn=1&lang=en', p);
    const concurrent = await Promise.all([gather(), gather(), gather()]);
    const later = await gather();
    for (const res of [...concurrent, later]) {
      const body = await res.text();
      expect(res.status, body).toBe(200);
      expect(body).toContain('<Say voice="Polly.Joanna-Neural" language="en-US">Only once.</Say>');
    }

    await waitForQueuesIdle(h);
    const rows = await h.deps.db.selectFrom('messages').select(['direction', 'provider_message_id']).where('channel', '=', 'voice').where('provider_message_id', '=', `${p.CallSid}:1`).execute();
    expect(rows).toHaveLength(1);
    expect(h.openai.requests.length - llmBefore).toBe(1);
    const call = await h.deps.db.selectFrom('calls').select('turns').where('call_sid', '=', p.CallSid).executeTakeFirstOrThrow();
    expect(call.turns).toBe(1);
    await workers.close();
  });
});
