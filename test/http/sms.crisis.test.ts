import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundMessage } from '../../src/conversation/inbound.js';
import { parseTwimlMessages } from '../../src/dev/twiml-text.js';
import { ALERT_SIGNATURE_HEADER, verifyAlertSignature } from '../../src/safety/alert-signature.js';
import { startFakeAlertReceiver } from '../helpers/fake-alert-receiver.js';
import { createHarness, SERVICE_NUMBER, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { newMessageSid, randomUsNumber } from '../helpers/twilio-sign.js';

const ALERT_SECRET = 'alert-secret-for-tests-0123456789';

/**
 * The crisis path through the real webhook and workers, with the LLM down: every request to it fails,
 * and the path must not even try it.
 */
describe('POST /twilio/sms with a crisis message', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startFakeAlertReceiver>>;
  beforeAll(async () => {
    receiver = await startFakeAlertReceiver();
    h = await createHarness({ env: { CRISIS_ALERT_URL: receiver.url, CRISIS_ALERT_SECRET: ALERT_SECRET } });
    h.openai.setFallbackBehaviour({ kind: 'status', status: 503 });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  const post = async (from: string, body: string, sid = newMessageSid()) => {
    const res = await h.postTwilio('/twilio/sms', { MessageSid: sid, AccountSid: 'AC1', From: from, To: SERVICE_NUMBER, Body: body });
    const twiml = await res.text();
    expect(res.status, twiml).toBe(200);
    return parseTwimlMessages(twiml);
  };
  const eventsOf = (from: string) =>
    h.deps.db
      .selectFrom('crisis_events as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .selectAll('e')
      .where('p.phone_hash', '=', h.deps.people.hash(from))
      .execute();

  it.each([
    ['+15555550123', 'I want to kill myself', ['988', 'text HOME to 741741', '911']],
    ['+447700900123', 'I want to end my life', ['Samaritans', '116 123', '999']],
    ['+34612345678', 'quiero morir', ['024', '112', 'Gracias por contármelo']],
    ['+33612345678', 'je veux mourir', ['3114', '112', 'Merci de me l']],
    ['+4915123456789', 'ich will sterben', ['0800 111 0 111', '112', 'Danke']],
    ['+525512345678', 'me quiero suicidar', ['800 911 2000', '911', 'Gracias']],
    ['+5511912345678', 'quero morrer', ['CVV', '188', 'Obrigado']],
  ])('answers %s at once with their country\'s lines, without the LLM, records the event and alerts the operator', async (from, body, expected) => {
    const llmCalls = h.openai.requests.length;

    const [reply, ...more] = await post(from, body);
    expect(more).toEqual([]);
    for (const text of expected) expect(reply).toContain(text);
    expect(h.openai.requests.length).toBe(llmCalls);

    const [event, ...others] = await eventsOf(from);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ category: 'suicide', channel: 'sms', confidence: expect.any(Number) });
    expect(Object.keys(event!).sort()).toEqual(['alerted_at', 'category', 'channel', 'confidence', 'created_at', 'id', 'message_id', 'person_id']);

    const received = await receiver.waitFor((a) => JSON.parse(a.body).id === event!.id);
    const signature = received.headers[ALERT_SIGNATURE_HEADER.toLowerCase()] as string;
    expect(verifyAlertSignature(ALERT_SECRET, received.body, signature, new Date())).toBe(true);
    expect(verifyAlertSignature('another-secret-entirely', received.body, signature, new Date())).toBe(false);
    expect(JSON.parse(received.body)).toMatchObject({ type: 'crisis.detected', id: event!.id, category: 'suicide', personId: event!.person_id, messageId: event!.message_id });
    expect(received.body).not.toContain(body);
    expect(received.body).not.toContain(from.slice(1));
  });

  it('sends a medical emergency to the emergency number', async () => {
    const [reply] = await post(randomUsNumber(), "I'm 30 weeks pregnant and bleeding heavily");
    expect(reply).toContain('Call 911 now');
    expect(reply).not.toContain('988');
  });

  it('answers a crisis from someone who opted out, and keeps them opted out', async () => {
    const from = randomUsNumber();
    await post(from, 'STOP');
    const [reply] = await post(from, 'i want to die');
    expect(reply).toContain('988');
    const person = await h.deps.db.selectFrom('people').select('opted_out_at').where('phone_hash', '=', h.deps.people.hash(from)).executeTakeFirstOrThrow();
    expect(person.opted_out_at).toBeInstanceOf(Date);
  });

  it('honours "stop texting me" in a crisis message too: resources first, then the opt-out', async () => {
    const from = randomUsNumber();
    const [reply] = await post(from, 'stop texting me, I want to kill myself');
    expect(reply).toContain('988');
    expect(reply).toContain('unsubscribed');
  });

  it('does not answer or record a crisis twice when Twilio retries the webhook', async () => {
    const from = randomUsNumber();
    const sid = newMessageSid();
    expect(await post(from, 'kms', sid)).toHaveLength(1);
    expect(await post(from, 'kms', sid)).toEqual([]);
    expect(await eventsOf(from)).toHaveLength(1);
  });

  it('stores the crisis message sealed and never logs its text', async () => {
    const from = randomUsNumber();
    await post(from, 'I have a plan to end my life, Zorblax');
    await h.deps.inbox.drain();
    expect(h.logs.text()).toContain('crisis detected');
    expect(h.logs.text()).not.toContain('Zorblax');
    const stored = await h.deps.db.selectFrom('messages').select(['status', 'body_enc']).where('person_id', '=', (await eventsOf(from))[0]!.person_id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('handled');
    expect(Buffer.from(stored.body_enc).toString('latin1')).not.toContain('Zorblax');
  });

  it('retries the alert while the operator webhook fails, and records it once delivered', async () => {
    receiver.state.status = 500;
    const from = randomUsNumber();
    await post(from, 'I want to unalive myself');
    const [event] = await eventsOf(from);
    const forThisEvent = (status: number) => (a: { body: string; status: number }) => JSON.parse(a.body).id === event!.id && a.status === status;

    await receiver.waitFor(forThisEvent(500));
    expect((await eventsOf(from))[0]!.alerted_at).toBeNull();
    receiver.state.status = 200;
    await receiver.waitFor(forThisEvent(200));
    await expect.poll(async () => (await eventsOf(from))[0]!.alerted_at, { timeout: 5_000 }).toBeInstanceOf(Date);
  });

  it('offers a voice caller the spoken resources and a hotline to be connected to', async () => {
    const outcome = await handleInboundMessage(h.deps, {
      provider: 'twilio', channel: 'voice', providerMessageId: `CA${'1'.repeat(32)}:1`, from: randomUsNumber(), to: SERVICE_NUMBER, body: 'I want to kill myself',
    });
    expect(outcome).toMatchObject({ kind: 'answered', reason: 'crisis', dial: '+18002738255', reply: expect.stringContaining('Stay on the line') });
  });

  it('reminds the LLM of the crisis in later replies in that conversation', async () => {
    const from = randomUsNumber();
    await post(from, 'I want to kill myself');
    h.openai.script({ kind: 'text', text: "I'm here with you." });
    const request = h.openai.nextRequest();
    const sent = h.twilio.nextMessage();
    await post(from, 'thank you');
    const system = (await request).messages[0]!.content;
    expect(system).toContain('Safety note: earlier in this conversation the person wrote about thoughts of suicide');
    expect(system).toContain('988');
    expect((await sent).body).toContain("I'm here with you.");
    await waitForQueuesIdle(h);
  });
});
