import { aad, seal } from '../crypto/envelope.js';
import type { Channel, ProviderName } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { uuidv7 } from '../util/id.js';

/** The canonical inbound event every provider adapter produces. */
export interface InboundMessage {
  provider: ProviderName;
  channel: Channel;
  /** The provider's id for this message: the dedupe key. */
  providerMessageId: string;
  /** The person's number (E.164). */
  from: string;
  /** Our number they wrote to; the reply goes out from it. */
  to: string;
  body: string;
}

export type InboundOutcome =
  | { kind: 'queued'; messageId: string; personId: string }
  | { kind: 'duplicate' }
  | { kind: 'dropped'; reason: 'opted_out' };

/**
 * The fast path, run inside the webhook: find the person, store the message sealed under their key,
 * queue the reply. Everything that can wait (history, LLM, sending) happens in the workers.
 */
export async function handleInboundMessage(deps: Deps, input: InboundMessage): Promise<InboundOutcome> {
  const person = await deps.people.resolve(input.from);
  if (person.optedOut) return { kind: 'dropped', reason: 'opted_out' };

  const now = deps.clock.now();
  const messageId = uuidv7(now.getTime());
  const stored = await deps.inbox.submit({
    id: messageId,
    person_id: person.id,
    channel: input.channel,
    direction: 'inbound',
    provider: input.provider,
    provider_message_id: input.providerMessageId,
    service_number: input.to,
    body_enc: seal(person.dataKey, input.body, aad.messageBody(messageId)),
    status: 'pending',
    created_at: now,
    updated_at: now,
  });
  if (!stored) return { kind: 'duplicate' };

  // The message is durable, so the ack does not wait on Redis. If this add is lost (Redis down, crash)
  // the sweep re-enqueues the message after SWEEP_GRACE_MS.
  deps.enqueue.reply(messageId).catch((error: Error) =>
    deps.log.warn({ messageId, err: error.message }, 'reply enqueue failed; the sweep will pick the message up'),
  );
  return { kind: 'queued', messageId, personId: person.id };
}
