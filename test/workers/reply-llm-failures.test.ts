import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedReply } from '../../src/llm/canned.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import type { Behaviour } from '../helpers/fake-openai.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { disclosed } from '../helpers/disclosure.js';

describe('reply worker when the LLM fails', () => {
  let h: Harness;
  beforeAll(async () => {
    // A short deadline so the "hung LLM" case ends quickly; the behaviour is the same at 30 s. The
    // breaker is out of the way here (test/llm/breaker.test.ts covers it): each case fails once.
    h = await createHarness({ env: { LLM_TIMEOUT_MS: '400', LLM_BREAKER_FAILURES: '100' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const cases: [string, Behaviour][] = [
    ['answers 503', { kind: 'status', status: 503 }],
    ['answers 429', { kind: 'status', status: 429 }],
    ['never answers (timeout)', { kind: 'hang' }],
    ['returns empty content', { kind: 'empty' }],
    ['returns no choices', { kind: 'no_choices' }],
    ['refuses', { kind: 'refusal' }],
    ['runs away with 10k tokens', { kind: 'long', words: 10_000 }],
  ];

  for (const [what, behaviour] of cases) {
    it(`still texts the person a short fallback when the LLM ${what}`, async () => {
      const from = randomUsNumber();
      h.openai.script(behaviour);
      const sent = h.twilio.nextMessage();
      await h.postSms({ from, body: 'is anyone there?' });
      const message = await sent;
      expect(message).toMatchObject({ to: from, body: disclosed(cannedReply('question', 'en')) });
      expect(h.logs.text()).toContain('LLM failed; sending the fallback reply');
      await waitForQueuesIdle(h);
      const reply = await h.deps.db.selectFrom('messages').select(['model', 'status']).where('direction', '=', 'outbound').where('provider_message_id', '=', message.sid).executeTakeFirstOrThrow();
      expect(reply).toEqual({ model: 'canned', status: 'accepted' });
    });
  }

  it('keeps working for the next person after failures', async () => {
    h.openai.script({ kind: 'text', text: 'Back to normal.' });
    const sent = h.twilio.nextMessage();
    await h.postSms({ from: randomUsNumber(), body: 'hello' });
    expect((await sent).body).toBe(disclosed('Back to normal.'));
  });
});
