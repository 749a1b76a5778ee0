import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyToMessage } from '../../src/conversation/reply.js';
import { sendMessage } from '../../src/conversation/send.js';
import { PermanentError } from '../../src/errors.js';
import { createTwilioProvider } from '../../src/providers/twilio.js';
import { ProviderError } from '../../src/providers/types.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

/** The send step called directly (no worker), so each attempt's outcome is visible and ordered. */
describe('sendMessage', () => {
  let h: Harness;
  let from: string;
  let replyId: string;

  beforeEach(async () => {
    h = await createHarness();
    from = randomUsNumber();
    await h.postSms({ from, body: 'hello' });
    await h.deps.inbox.drain();
    const inbound = await h.deps.db.selectFrom('messages').select('id').where('direction', '=', 'inbound').executeTakeFirstOrThrow();
    const outcome = await replyToMessage(h.deps, inbound.id);
    if (outcome.kind !== 'replied') throw new Error(`expected a reply, got ${outcome.kind}`);
    replyId = outcome.replyId;
  });
  afterEach(() => h.close());

  const status = async () => (await h.deps.db.selectFrom('messages').select(['status', 'error_code', 'provider_message_id']).where('id', '=', replyId).executeTakeFirstOrThrow());

  it('sends once: a second run after a successful send is a no-op', async () => {
    expect((await sendMessage(h.deps, replyId)).kind).toBe('sent');
    expect(await sendMessage(h.deps, replyId)).toEqual({ kind: 'already_sent' });
    expect(h.twilio.sent).toHaveLength(1);
    expect(h.twilio.sent[0]).toMatchObject({ to: from, from: '+15550001111' });
    expect((await status()).provider_message_id).toBe(h.twilio.sent[0]!.sid);
  });

  it('releases the claim after a 5xx, so the retry sends', async () => {
    h.twilio.failNext({ status: 503, code: 20503, message: 'Service unavailable' });
    await expect(sendMessage(h.deps, replyId)).rejects.toMatchObject({ kind: 'transient' });
    expect((await status()).status).toBe('queued');
    expect((await sendMessage(h.deps, replyId)).kind).toBe('sent');
    expect(h.twilio.sent).toHaveLength(1);
  });

  it('does not send twice when Twilio accepted the message but the answer was lost', async () => {
    h.deps.messaging.twilio = createTwilioProvider({ accountSid: h.config.twilio.accountSid!, authToken: h.config.twilio.authToken, apiUrl: h.twilio.url, timeoutMs: 300 });
    h.twilio.failNext('accept_and_hang');
    await expect(sendMessage(h.deps, replyId)).rejects.toMatchObject({ kind: 'unknown_outcome' });
    expect((await status()).status).toBe('submitting');

    const retry = await sendMessage(h.deps, replyId);
    expect(retry).toMatchObject({ kind: 'sent', reconciled: true });
    expect(h.twilio.sent).toHaveLength(1);
    expect((await status()).provider_message_id).toBe(h.twilio.sent[0]!.sid);
  });

  it('sends on retry when the lost call had not reached Twilio', async () => {
    h.deps.messaging.twilio = createTwilioProvider({ accountSid: h.config.twilio.accountSid!, authToken: h.config.twilio.authToken, apiUrl: h.twilio.url, timeoutMs: 300 });
    h.twilio.failNext('hang');
    await expect(sendMessage(h.deps, replyId)).rejects.toBeInstanceOf(ProviderError);
    expect(await sendMessage(h.deps, replyId)).toMatchObject({ kind: 'sent', reconciled: false });
    expect(h.twilio.sent).toHaveLength(1);
  });

  it('marks the person opted out and stops on Twilio 21610, without retrying', async () => {
    h.twilio.optedOut.add(from);
    await expect(sendMessage(h.deps, replyId)).rejects.toBeInstanceOf(PermanentError);
    expect(await status()).toMatchObject({ status: 'failed', error_code: '21610' });
    const person = await h.deps.db.selectFrom('people').select('opted_out_at').executeTakeFirstOrThrow();
    expect(person.opted_out_at).toBeInstanceOf(Date);
    expect(await sendMessage(h.deps, replyId)).toEqual({ kind: 'already_sent' });
  });

  it('fails permanently on an invalid number (21211)', async () => {
    h.twilio.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    await expect(sendMessage(h.deps, replyId)).rejects.toBeInstanceOf(PermanentError);
    expect(await status()).toMatchObject({ status: 'failed', error_code: '21211' });
  });

  it('cancels instead of sending when the person opted out after the reply was queued', async () => {
    await h.deps.db.updateTable('people').set({ opted_out_at: new Date() }).execute();
    expect(await sendMessage(h.deps, replyId)).toEqual({ kind: 'canceled', reason: 'opted_out' });
    expect(h.twilio.sent).toHaveLength(0);
    expect((await status()).status).toBe('canceled');
  });
});
