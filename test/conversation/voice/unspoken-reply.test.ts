import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepWaitingMessages } from '../../../src/conversation/sweep.js';
import { createHarness, SERVICE_NUMBER, type Harness } from '../../helpers/harness.js';
import { waitForQueuesIdle } from '../../helpers/queues.js';
import { randomUsNumber } from '../../helpers/twilio-sign.js';
import { newCallSid } from '../../helpers/voice.js';

describe('a voice reply the caller hung up before hearing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { VOICE_REPLY_WAIT_MS: '100' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  it('is never texted to the caller, not even by the sweep', async () => {
    const from = randomUsNumber();
    const CallSid = newCallSid();
    h.openai.script({ kind: 'text', text: 'An answer nobody hears.', delayMs: 500 });
    await h.postTwilio('/twilio/voice', { CallSid, From: from, To: SERVICE_NUMBER });
    const gather = await h.postTwilio('/twilio/voice/gather?turn=1&lang=en', { CallSid, From: from, To: SERVICE_NUMBER, SpeechResult: 'Hello?' });
    expect(await gather.text()).toContain('<Redirect'); // on hold… and the caller hangs up here
    await waitForQueuesIdle(h);

    const reply = await h.deps.db.selectFrom('messages').select(['status', 'channel']).where('direction', '=', 'outbound').where('channel', '=', 'voice').executeTakeFirstOrThrow();
    expect(reply).toEqual({ status: 'queued', channel: 'voice' });
    h.clock.advance(h.config.worker.sweepGraceMs + 1_000);
    const swept = await sweepWaitingMessages(h.deps);
    expect(swept.requeued).toBe(0);
    await waitForQueuesIdle(h);
    expect(h.twilio.sent.filter((m) => m.to === from)).toHaveLength(0);
  });
});
