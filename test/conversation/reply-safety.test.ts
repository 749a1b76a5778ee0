import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosed } from '../helpers/disclosure.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

const HOUR = 3_600_000;

/** What the reply job adds for safety: redaction before the LLM, the AI disclosure, the safety note. */
describe('reply job safety', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    h.openai.setFallbackBehaviour({ kind: 'text', text: 'Happy to help.' });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  /** Texts the service and resolves with the reply as the person receives it. */
  const exchange = async (from: string, body: string) => {
    const sent = h.twilio.nextMessage();
    await h.postSms({ from, body });
    const message = await sent;
    await waitForQueuesIdle(h);
    return message.body;
  };

  it('says it is an AI in the first reply, not in the next ones, and again once the interval has passed', async () => {
    const from = randomUsNumber();
    expect(await exchange(from, 'hi there')).toBe(disclosed('Happy to help.'));
    expect(await exchange(from, 'thanks')).toBe('Happy to help.');
    h.clock.advance(2 * HOUR);
    expect(await exchange(from, 'one more question')).toBe('Happy to help.');
    h.clock.advance(1 * HOUR);
    expect(await exchange(from, 'and another')).toBe(disclosed('Happy to help.'));
    expect(await exchange(from, 'ok')).toBe('Happy to help.');
  });

  it('discloses in the language the person writes in', async () => {
    expect(await exchange(randomUsNumber(), 'hola, ¿qué puedo comer para el desayuno?')).toBe(disclosed('Happy to help.', 'es'));
  });

  it('redacts identifiers from the message and the history before they reach the LLM', async () => {
    const from = randomUsNumber();
    await exchange(from, 'my email is zelda@example.org and my card is 4111 1111 1111 1111');
    const request = h.openai.nextRequest();
    await exchange(from, 'call me on (555) 123-4567, my MRN is A7654321, I am 20 weeks');
    const prompt = JSON.stringify((await request).messages);
    expect(prompt).toContain('my email is [EMAIL] and my card is [CARD]');
    expect(prompt).toContain('call me on [PHONE], my MRN is [MEDICAL_ID], I am 20 weeks');
    for (const secret of ['zelda@example.org', '4111', '123-4567', 'A7654321']) expect(prompt).not.toContain(secret);
  });

  it('gives the LLM a safety net with the person\'s crisis lines on every reply', async () => {
    const request = h.openai.nextRequest();
    await exchange('+447700900555', 'feeling low today');
    const system = (await request).messages[0]!.content;
    expect(system).toContain('even if they only hint at it');
    expect(system).toContain('116 123');
  });
});
