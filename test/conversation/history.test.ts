import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundMessage } from '../../src/conversation/inbound.js';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { newMessageSid, randomUsNumber } from '../helpers/twilio-sign.js';

const HOUR = 3_600_000;

describe('short-term memory (sessions)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { LLM_TIMEOUT_MS: '400', LLM_BREAKER_FAILURES: '100' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  /** Texts, waits for the reply job, and returns the chat the model was sent (system message left out). */
  const text = async (from: string, body: string, answer = `answer to: ${body}`) => {
    h.openai.script({ kind: 'text', text: answer });
    const request = h.openai.nextRequest();
    await h.postSms({ from, body });
    const { messages } = await request;
    await waitForQueuesIdle(h);
    return messages.slice(1).map((m) => `${m.role}: ${m.content}`);
  };

  it('gives the model the earlier turns of the same session', async () => {
    const from = randomUsNumber();
    await text(from, 'Can I eat eggs?');
    h.clock.advance(10 * 60_000);
    expect(await text(from, 'And cheese?')).toEqual(['user: Can I eat eggs?', 'assistant: answer to: Can I eat eggs?', 'user: And cheese?']);
  });

  it('starts a new session with no history after an hour of silence', async () => {
    const from = randomUsNumber();
    await text(from, 'Can I eat eggs?');
    h.clock.advance(HOUR + 60_000);
    expect(await text(from, 'What about fish?')).toEqual(['user: What about fish?']);
    h.clock.advance(5 * 60_000);
    expect(await text(from, 'And tuna?')).toEqual(['user: What about fish?', 'assistant: answer to: What about fish?', 'user: And tuna?']);
  });

  it('keeps a long conversation going as long as no gap reaches the idle limit', async () => {
    const from = randomUsNumber();
    await text(from, 'first');
    h.clock.advance(50 * 60_000);
    await text(from, 'second');
    h.clock.advance(50 * 60_000);
    expect(await text(from, 'third')).toEqual(['user: first', 'assistant: answer to: first', 'user: second', 'assistant: answer to: second', 'user: third']);
  });

  it('shares one session across a voice call and text messages', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'text', text: 'Yes, walking is good.' });
    await handleInboundMessage(h.deps, { provider: 'twilio', channel: 'voice', providerMessageId: `${newMessageSid()}:1`, from, to: SERVICE_NUMBER, body: 'Is walking good for me?' });
    await waitForQueuesIdle(h);
    h.clock.advance(2 * 60_000);
    expect(await text(from, 'How long?')).toEqual(['user: Is walking good for me?', 'assistant: Yes, walking is good.', 'user: How long?']);
  });

  it('leaves canned "try again" replies out of the history', async () => {
    const from = randomUsNumber();
    h.openai.script({ kind: 'status', status: 503 });
    await h.postSms({ from, body: 'Hello?' });
    await waitForQueuesIdle(h);
    expect(await text(from, 'Hello again?')).toEqual(['user: Hello?', 'user: Hello again?']);
  });
});
