import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTwimlMessages } from '../../../src/dev/twiml-text.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { waitForQueuesIdle } from '../../helpers/queues.js';
import { randomUsNumber } from '../../helpers/twilio-sign.js';

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

describe('STOP, START and HELP over SMS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { HELP_PROGRAM_NAME: 'Mama Line', HELP_SUPPORT_CONTACT: 'help@mama.example' } });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const sms = async (from: string, body: string) => {
    const res = await h.postSms({ from, body });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return text;
  };
  const optedOutAt = async (from: string) =>
    (await h.deps.db.selectFrom('people').select('opted_out_at').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow()).opted_out_at;

  it.each([
    ['STOP', 'unsubscribed'],
    ['stop.', 'unsubscribed'],
    [' Stop!', 'unsubscribed'],
    ['ＳＴＯＰ', 'unsubscribed'],
    ['STOPALL', 'unsubscribed'],
    ['Unsubscribe', 'unsubscribed'],
    ['cancel', 'unsubscribed'],
    ['END', 'unsubscribed'],
    ['Quit', 'unsubscribed'],
    ['opt-out', 'unsubscribed'],
    ['REVOKE', 'unsubscribed'],
    ['ALTO', 'Te has dado de baja'],
    ['parar', 'Te has dado de baja'],
    ['Please stop texting me', 'unsubscribed'],
    ['deja de escribirme', 'Te has dado de baja'],
    ["arrête de m'écrire", 'désabonné'],
    ['hör auf mir zu schreiben', 'abbestellt'],
  ])('opts the sender out on %j and confirms once, in their language, without the LLM', async (body, confirmation) => {
    const from = randomUsNumber();
    const llmCalls = h.openai.requests.length;
    const twiml = await sms(from, body);
    expect(twiml).toContain('<Message>');
    expect(twiml).toContain(confirmation);
    expect(twiml).toContain('START');
    expect(await optedOutAt(from)).toBeInstanceOf(Date);
    expect(h.openai.requests.length).toBe(llmCalls);
  });

  it('sends nothing after STOP: no reply to later messages, no second confirmation', async () => {
    const from = randomUsNumber();
    await sms(from, 'STOP');
    const llmCalls = h.openai.requests.length;
    expect(await sms(from, 'hello? are you there?')).toBe(EMPTY);
    expect(await sms(from, 'STOP')).toBe(EMPTY);
    await waitForQueuesIdle(h);
    expect(h.openai.requests.length).toBe(llmCalls);
    expect(h.twilio.sent.filter((m) => m.to === from)).toHaveLength(0);
  });

  it.each(['START', 'yes', 'UNSTOP'])('opts back in on %j after STOP, and replies resume', async (keyword) => {
    const from = randomUsNumber();
    await sms(from, 'STOP');
    const twiml = await sms(from, keyword);
    expect(twiml).toContain('resubscribed to Mama Line');
    expect(await optedOutAt(from)).toBeNull();
    const sent = h.twilio.nextMessage();
    expect(await sms(from, 'what can I eat for breakfast?')).toBe(EMPTY);
    expect((await sent).to).toBe(from);
  });

  it('treats YES from someone who never opted out as an ordinary message for the assistant', async () => {
    const from = randomUsNumber();
    const sent = h.twilio.nextMessage();
    expect(await sms(from, 'yes')).toBe(EMPTY);
    expect((await sent).to).toBe(from);
  });

  it.each([
    ['HELP', 'Mama Line: an AI assistant by text. Support: help@mama.example. Msg & data rates may apply. Reply STOP to cancel.'],
    ['info', 'Msg & data rates may apply'],
    ['AYUDA', 'Pueden aplicarse tarifas de mensajes y datos. Responde STOP para cancelar.'],
  ])('answers %j with the program, the support contact, rates and how to stop', async (keyword, expected) => {
    const from = randomUsNumber();
    const [reply] = parseTwimlMessages(await sms(from, keyword));
    expect(reply).toContain(expected);
    expect(reply).toContain('help@mama.example');
    expect(reply).toContain('911');
    expect(await optedOutAt(from)).toBeNull();
  });

  it('answers HELP even for someone who opted out, and keeps them opted out', async () => {
    const from = randomUsNumber();
    await sms(from, 'STOP');
    expect(await sms(from, 'HELP')).toContain('Reply STOP to cancel');
    expect(await optedOutAt(from)).toBeInstanceOf(Date);
  });

  it('does not read "my ex won\'t stop texting me" as an opt-out', async () => {
    const from = randomUsNumber();
    expect(await sms(from, "my ex won't stop texting me, what do I do?")).toBe(EMPTY);
    expect(await optedOutAt(from)).toBeNull();
  });
});

describe('HELP text from configuration', () => {
  it('uses HELP_TEXT in place of the built-in text', async () => {
    const h = await createHarness({ env: { HELP_TEXT: '{program} help: write to {contact}. Msg & data rates may apply. Reply STOP to cancel.', HELP_PROGRAM_NAME: 'Clinic Bot', HELP_SUPPORT_CONTACT: '+1 555 0100' } });
    try {
      const res = await h.postSms({ from: randomUsNumber(), body: 'HELP' });
      expect(parseTwimlMessages(await res.text())[0]).toContain('Clinic Bot help: write to +1 555 0100. Msg & data rates may apply. Reply STOP to cancel.');
    } finally {
      await h.close();
    }
  });
});
