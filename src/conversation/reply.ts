import { aad, openSealedText, seal, unwrapDataKey } from '../crypto/envelope.js';
import { findPersonWithKey, setDisclosedAt } from '../db/queries/people.js';
import { findMessage, saveReply, setMessageStatus } from '../db/queries/messages.js';
import type { Deps } from '../deps.js';
import { fallbackReply } from '../llm/fallback.js';
import { buildPrompt } from '../llm/prompt.js';
import type { LlmResult } from '../llm/types.js';
import { safetyNotes } from '../safety/safety-notes.js';
import { disclosureFor } from '../safety/disclosure.js';
import { redactPii, redactTurns } from '../safety/pii.js';
import { uuidv7 } from '../util/id.js';
import { loadHistory } from './history.js';
import { shapeSmsReply } from './shape-sms.js';

export type ReplyOutcome =
  | { kind: 'replied'; replyId: string; model: string; fallback: boolean }
  | { kind: 'already_replied'; replyId?: string }
  | { kind: 'skipped'; reason: 'opted_out' | 'person_gone' | 'not_inbound' | 'missing' };

/**
 * The `reply` job: answer one inbound message. Idempotent: it reads the message's state first, and the
 * reply row is unique per inbound message, so a re-run (stalled worker, sweep) never makes a second reply.
 */
export async function replyToMessage(deps: Deps, messageId: string): Promise<ReplyOutcome> {
  const message = await findMessage(deps.db, messageId);
  if (!message) return { kind: 'skipped', reason: 'missing' };
  if (message.direction !== 'inbound') return { kind: 'skipped', reason: 'not_inbound' };
  if (message.status !== 'pending') return resumeAfterReply(deps, messageId);

  const person = await findPersonWithKey(deps.db, message.person_id);
  if (!person || person.deleted_at) {
    await setMessageStatus(deps.db, messageId, 'skipped', ['pending']);
    return { kind: 'skipped', reason: 'person_gone' };
  }
  if (person.opted_out_at) {
    await setMessageStatus(deps.db, messageId, 'skipped', ['pending']);
    return { kind: 'skipped', reason: 'opted_out' };
  }

  const dataKey = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
  const text = openSealedText(dataKey, message.body_enc, aad.messageBody(message.id));
  const history = await loadHistory(deps, person.id, dataKey, message.created_at);

  const prompt = buildPrompt({ systemPrompt: deps.config.llm.systemPrompt, history: redactTurns(history), message: redactPii(text), notes: await safetyNotes(deps, person) });
  const answer = await askLlm(deps, prompt, messageId);
  const disclosure = disclosureFor(deps, person, text);
  const body = shapeSmsReply(disclosure ? `${disclosure}\n\n${answer.text}` : answer.text);

  const now = deps.clock.now();
  const replyId = uuidv7(now.getTime());
  const savedId = await deps.db.transaction().execute((trx) =>
    saveReply(trx, {
      id: replyId,
      person_id: person.id,
      channel: message.channel,
      direction: 'outbound',
      provider: message.provider,
      provider_message_id: null,
      service_number: message.service_number,
      reply_to_id: message.id,
      body_enc: seal(dataKey, body, aad.messageBody(replyId)),
      status: 'queued',
      model: answer.model,
      prompt_tokens: answer.promptTokens ?? null,
      completion_tokens: answer.completionTokens ?? null,
      created_at: now,
      updated_at: now,
    }),
  );
  if (disclosure) await setDisclosedAt(deps.db, person.id, now);
  if (message.channel === 'sms') await deps.enqueue.send(savedId);
  return { kind: 'replied', replyId: savedId, model: answer.model, fallback: answer.fallback };
}

async function askLlm(deps: Deps, messages: ReturnType<typeof buildPrompt>, messageId: string): Promise<LlmResult & { fallback: boolean }> {
  try {
    return { ...(await deps.llm.complete({ messages, timeoutMs: deps.config.llm.timeoutMs })), fallback: false };
  } catch (error) {
    deps.log.warn({ messageId, llm: deps.llm.name, err: (error as Error).message }, 'LLM failed; sending the fallback reply');
    return { text: fallbackReply(), model: 'fallback', fallback: true };
  }
}

/** A re-run after the reply was saved: make sure its send job exists (the first run may have died before adding it). */
async function resumeAfterReply(deps: Deps, messageId: string): Promise<ReplyOutcome> {
  const reply = await deps.db
    .selectFrom('messages')
    .select(['id', 'status', 'channel'])
    .where('reply_to_id', '=', messageId)
    .executeTakeFirst();
  if (reply?.status === 'queued' && reply.channel === 'sms') await deps.enqueue.send(reply.id);
  return { kind: 'already_replied', replyId: reply?.id };
}
