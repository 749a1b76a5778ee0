import { aad, openSealedText, unwrapDataKey } from '../crypto/envelope.js';
import { advanceOutboundStatus, claimForSend, releaseSendClaim } from '../db/queries/messages.js';
import { findMessageWithPerson, findPersonWithKey, setOptedOut } from '../db/queries/people.js';
import type { Deps } from '../deps.js';
import { PermanentError } from '../errors.js';
import { ProviderError, type OutboundSms } from '../providers/types.js';

export type SendOutcome =
  | { kind: 'sent'; providerMessageId: string; reconciled: boolean }
  | { kind: 'already_sent' }
  | { kind: 'canceled'; reason: 'opted_out' | 'person_gone' }
  | { kind: 'missing' };

/**
 * The `send` job: hand one outbound message to its provider, at most once.
 *
 * - The claim (queued → submitting) is conditional on the person not being opted out, in the same
 *   UPDATE, so a STOP committed before the claim always wins; a reply queued before STOP never goes out.
 * - A definite refusal releases the claim (retry resends); a call with no answer keeps it, and the
 *   retry first asks the provider whether the message was accepted before sending again.
 */
export async function sendMessage(deps: Deps, messageId: string): Promise<SendOutcome> {
  const found = await findMessageWithPerson(deps.db, messageId);
  if (!found || found.message.direction !== 'outbound') return { kind: 'missing' };
  const { message, person } = found;
  if (message.status !== 'queued' && message.status !== 'submitting') return { kind: 'already_sent' };
  if (!person || person.deleted_at) {
    await advanceOutboundStatus(deps.db, { id: messageId }, { status: 'canceled' });
    return { kind: 'canceled', reason: 'person_gone' };
  }
  const dataKey = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
  const provider = deps.messaging[message.provider as 'twilio'];
  if (!provider) throw new PermanentError(`no provider "${message.provider}" configured`);

  const outbound: OutboundSms = {
    from: message.service_number,
    to: openSealedText(dataKey, person.phone_enc, aad.phone(person.id)),
    body: openSealedText(dataKey, message.body_enc, aad.messageBody(message.id)),
    statusCallbackUrl: deps.config.twilio.live ? `${deps.config.publicUrl}/twilio/sms/status?messageId=${message.id}` : undefined,
  };

  if (message.status === 'submitting') {
    // An earlier attempt died waiting on the provider: it may have sent. Ask before sending again.
    const earlier = await provider.findSent({ ...outbound, since: message.send_started_at ?? message.created_at });
    if (earlier) {
      await advanceOutboundStatus(deps.db, { id: messageId }, { status: earlier.status, providerMessageId: earlier.providerMessageId });
      return { kind: 'sent', providerMessageId: earlier.providerMessageId, reconciled: true };
    }
  }

  const claimed = await claimForSend(deps.db, messageId, deps.clock.now());
  if (!claimed) {
    const now = await findPersonWithKey(deps.db, message.person_id);
    if (now?.opted_out_at) {
      await advanceOutboundStatus(deps.db, { id: messageId }, { status: 'canceled' });
      return { kind: 'canceled', reason: 'opted_out' };
    }
    return { kind: 'already_sent' };
  }

  try {
    const result = await provider.sendSms(outbound);
    await advanceOutboundStatus(deps.db, { id: messageId }, { status: result.status, providerMessageId: result.providerMessageId });
    return { kind: 'sent', providerMessageId: result.providerMessageId, reconciled: false };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    switch (error.kind) {
      case 'opted_out':
        await setOptedOut(deps.db, person.id, deps.clock.now());
        await advanceOutboundStatus(deps.db, { id: messageId }, { status: 'failed', errorCode: error.code });
        throw new PermanentError(error.message);
      case 'permanent':
        await advanceOutboundStatus(deps.db, { id: messageId }, { status: 'failed', errorCode: error.code });
        throw new PermanentError(error.message);
      case 'transient':
        await releaseSendClaim(deps.db, messageId);
        throw error;
      case 'unknown_outcome':
        throw error;
    }
  }
}
