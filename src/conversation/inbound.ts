import { aad, seal } from '../crypto/envelope.js';
import type { Channel, ProviderName } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { detectCrisis } from '../safety/crisis-detector.js';
import { uuidv7 } from '../util/id.js';
import { answerCrisis } from './answer-crisis.js';
import { findCommand } from './commands/index.js';
import type { KnownPerson } from './person-directory.js';

/** The canonical inbound event every provider adapter produces. */
export interface InboundMessage {
  provider: ProviderName;
  channel: Channel;
  /** The provider's id for this message: the dedupe key (for a voice turn: call SID + turn). */
  providerMessageId: string;
  /** The person's number (E.164). */
  from: string;
  /** Our number they wrote to; the reply goes out from it. */
  to: string;
  body: string;
}

export type InboundOutcome =
  /** Stored; the `reply` job will answer. */
  | { kind: 'queued'; messageId: string; personId: string }
  /** Answered right here, in the webhook's own response (a command, a crisis). */
  | { kind: 'answered'; messageId: string; personId: string; reason: 'command' | 'crisis'; reply: string; /** A number a voice caller may be connected to. */ dial?: string }
  /** Seen before (provider retry, double post): nothing to do, nothing to send. */
  | { kind: 'duplicate' }
  /** The person opted out and this is not a command (stored nowhere), or a repeated STOP (stored, not answered again). */
  | { kind: 'dropped'; reason: 'opted_out' };

/**
 * The fast path, run inside the webhook: find the person, answer commands at once, otherwise store the
 * message sealed under the person's key and queue the reply. Everything that can wait (history, quota,
 * LLM, sending) happens in the workers.
 */
export async function handleInboundMessage(deps: Deps, input: InboundMessage): Promise<InboundOutcome> {
  const person = await deps.people.resolve(input.from);

  // A crisis is answered first, even for someone who opted out (a reply to the message they just sent,
  // never a follow-up) and even when it also says "stop texting me" (both are honoured).
  const crisis = detectCrisis(input.body);
  if (crisis) {
    const messageId = await storeInbound(deps, person, input, 'handled');
    if (!messageId) return { kind: 'duplicate' };
    const { text, dial } = await answerCrisis(deps, { person, input, messageId, detection: crisis });
    return { kind: 'answered', messageId, personId: person.id, reason: 'crisis', reply: text, ...(dial ? { dial } : {}) };
  }

  // Then commands: START and HELP must work for someone who opted out.
  const command = findCommand(input.body, person);
  if (command) {
    const messageId = await storeInbound(deps, person, input, 'handled');
    if (!messageId) return { kind: 'duplicate' };
    const { reply } = await command.command.run({ deps, person, message: input, messageId, keyword: command.keyword });
    if (!reply) return { kind: 'dropped', reason: 'opted_out' };
    return { kind: 'answered', messageId, personId: person.id, reason: 'command', reply };
  }

  // Dropping cannot be undone: a cached "opted out" is confirmed first (they may have texted START on
  // another instance). Only opted-out senders pay this round trip.
  if (person.optedOut && (await deps.people.confirm(person)).optedOut) return { kind: 'dropped', reason: 'opted_out' };

  const messageId = await storeInbound(deps, person, input, 'pending');
  if (!messageId) return { kind: 'duplicate' };

  // The message is durable, so the ack does not wait on Redis. If this add is lost (Redis down, crash)
  // the sweep re-enqueues the message after SWEEP_GRACE_MS. A voice turn has a caller waiting on the
  // line: its job is added at once; texts go through the batched intake hop.
  const enqueue = input.channel === 'voice' ? deps.enqueue.replyNow : deps.enqueue.reply;
  enqueue(messageId).catch((error: Error) =>
    deps.log.warn({ messageId, err: error.message }, 'reply enqueue failed; the sweep will pick the message up'),
  );
  return { kind: 'queued', messageId, personId: person.id };
}

/** Stores the inbound message sealed under the person's key. Undefined when it is a duplicate. */
async function storeInbound(deps: Deps, person: KnownPerson, input: InboundMessage, status: 'pending' | 'handled'): Promise<string | undefined> {
  const now = deps.clock.now();
  const messageId = uuidv7(now.getTime());
  const stored = await deps.inbox.submit({
    id: messageId,
    person_id: person.id,
    channel: input.channel,
    provider: input.provider,
    provider_message_id: input.providerMessageId,
    service_number: input.to,
    body_enc: seal(person.dataKey, input.body, aad.messageBody(messageId)),
    status,
    created_at: now,
  });
  return stored ? messageId : undefined;
}
