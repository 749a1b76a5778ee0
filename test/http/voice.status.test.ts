import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { newCallSid } from '../helpers/voice.js';

describe('POST /twilio/voice/status', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const from = randomUsNumber();
  const post = async (path: string, params: Record<string, string>) => {
    const res = await h.postTwilio(path, { From: from, To: SERVICE_NUMBER, ...params });
    const body = await res.text();
    expect(res.status, body).toBe(200);
    return body;
  };
  const status = (CallSid: string, CallStatus: string, CallDuration?: string) => post('/twilio/voice/status', { CallSid, CallStatus, ...(CallDuration ? { CallDuration } : {}) });
  const row = (callSid: string) => h.deps.db.selectFrom('calls').selectAll().where('call_sid', '=', callSid).executeTakeFirstOrThrow();

  it('records the start on the incoming call, then the end, duration and status from the callback', async () => {
    const sid = newCallSid();
    await post('/twilio/voice', { CallSid: sid, CallStatus: 'ringing' });
    const started = await row(sid);
    expect(started).toMatchObject({ status: 'in-progress', turns: 0, duration_s: null, ended_at: null, service_number: SERVICE_NUMBER });
    expect(started.person_id).not.toBeNull();

    expect(await status(sid, 'completed', '42')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const ended = await row(sid);
    expect(ended).toMatchObject({ status: 'completed', duration_s: 42 });
    expect(ended.ended_at!.getTime()).toBeGreaterThanOrEqual(started.started_at.getTime());
  });

  it('never moves a call backwards: late and repeated callbacks change nothing', async () => {
    const sid = newCallSid();
    await post('/twilio/voice', { CallSid: sid, CallStatus: 'ringing' });
    await status(sid, 'completed', '30');
    const done = await row(sid);

    await status(sid, 'in-progress');
    await status(sid, 'ringing');
    await status(sid, 'completed', '31');
    await status(sid, 'no-answer', '0');
    await post('/twilio/voice', { CallSid: sid, CallStatus: 'ringing' });

    expect(await row(sid)).toEqual(done);
  });

  it('records a callback for a call it never saw start, dating the start from the duration', async () => {
    const sid = newCallSid();
    await status(sid, 'completed', '60');
    const call = await row(sid);
    expect(call).toMatchObject({ status: 'completed', duration_s: 60, person_id: null, language: 'en' });
    expect(call.ended_at!.getTime() - call.started_at.getTime()).toBe(60_000);
  });

  it('ignores a status word it does not know, without refusing the callback', async () => {
    const sid = newCallSid();
    await post('/twilio/voice', { CallSid: sid, CallStatus: 'ringing' });
    await status(sid, 'teleported');
    expect((await row(sid)).status).toBe('in-progress');
  });
});
