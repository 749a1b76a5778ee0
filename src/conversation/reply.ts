import { chargeSmsReply, type OverQuotaOutcome } from '../billing/sms-quota.js';
import { aad, openSealedText, unwrapDataKey } from '../crypto/envelope.js';
import { findMessageWithPerson, setDisclosedAt, setLocale } from '../db/queries/people.js';
import { saveReply, setMessageStatus } from '../db/queries/messages.js';
import type { Channel } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { buildPrompt } from '../llm/prompt.js';
import { disclosureFor, withoutDisclosures } from '../safety/disclosure.js';
import { redactPii, redactTurns } from '../safety/pii.js';
import { safetyNotes } from '../safety/safety-notes.js';
import { uuidv7 } from '../util/id.js';
import { stopwatch } from '../util/stopwatch.js';
import { detectLanguage, resolveLanguage, type Language } from '../util/language.js';
import { answerMessage } from './answer.js';
import { skipIfFlooding } from './flood-guard.js';
import { loadHistory } from './history.js';
import { factLines, loadFacts } from './memory/facts.js';
import { queueFactExtraction } from './memory/extract.js';
import { replyRow } from './reply-row.js';
import { shapeSmsReply, smsCharBudget } from './shape-sms.js';
import { shapeSpeechReply, VOICE_PROMPT_NOTE } from './voice/shape-speech.js';

export type ReplyOutcome =
  /** fallback: no model answer was usable; the person got a canned reply in their language. */
  | { kind: 'replied'; replyId: string; model: string; fallback: boolean; /** Milliseconds per step, for the job's log line. */ timings: Record<string, number> }
  | { kind: 'already_replied'; replyId?: string }
  | { kind: 'skipped'; reason: 'opted_out' | 'person_gone' | 'not_inbound' | 'missing' | 'flood' }
  | OverQuotaOutcome;

/**
 * The `reply` job: answer one inbound message. Idempotent: it reads the message's state first, and the
 * reply row is unique per inbound message, so a re-run (stalled worker, sweep) never makes a second reply.
 */
export async function replyToMessage(deps: Deps, messageId: string): Promise<ReplyOutcome> {
  const watch = stopwatch();
  const found = await findMessageWithPerson(deps.db, messageId);
  watch.lap('readMs');
  if (!found) return { kind: 'skipped', reason: 'missing' };
  const { message, person } = found;
  if (message.direction !== 'inbound') return { kind: 'skipped', reason: 'not_inbound' };
  if (message.status !== 'pending') return resumeAfterReply(deps, messageId);
  if (!person || person.deleted_at) {
    await setMessageStatus(deps.db, messageId, 'skipped', ['pending']);
    return { kind: 'skipped', reason: 'person_gone' };
  }
  if (person.opted_out_at) {
    await setMessageStatus(deps.db, messageId, 'skipped', ['pending']);
    return { kind: 'skipped', reason: 'opted_out' };
  }

  // Before the quota: a flood is not answered, so it is not charged either.
  if (await skipIfFlooding(deps, message)) return { kind: 'skipped', reason: 'flood' };

  const dataKey = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
  const overQuota = await chargeSmsReply(deps, message, person, dataKey);
  if (overQuota) return overQuota;
  const text = openSealedText(dataKey, message.body_enc, aad.messageBody(message.id));
  const language = resolveLanguage({ locale: person.locale, text, country: person.country });
  // A call's language is chosen explicitly (and its transcript is in the recogniser's language by construction).
  if (message.channel === 'sms') await rememberLanguage(deps, person.id, person.locale, text);
  // Independent reads, in parallel: a voice caller is waiting on this job.
  const [history, storedFacts, safety] = await Promise.all([
    loadHistory(deps, person.id, dataKey, message.created_at),
    loadFacts(deps, person.id, dataKey),
    safetyNotes(deps, person),
  ]);
  const facts = factLines(storedFacts);
  watch.lap('contextMs');

  const { systemPrompt, promptTokenBudget } = deps.config.llm;
  const channel = channelNotes(deps, message.channel, language);
  const notes = [...channel, ...safety];
  // Nothing identifying goes to the model: the message, the history and the remembered facts are redacted.
  const prompt = buildPrompt({ systemPrompt, notes, facts: facts.map(redactPii), history: redactTurns(withoutDisclosures(history)), message: redactPii(text), tokenBudget: promptTokenBudget });
  // The leak check gets the operator's instructions only: the safety notes hold lines the model should repeat.
  watch.lap('promptMs');
  const answer = await answerMessage(deps, { messageId, channel: message.channel, messages: prompt, text, language, instructions: [systemPrompt, ...channel] });
  // A caller hears the disclosure in the voice greeting; texts carry it in the reply.
  const disclosure = message.channel === 'sms' ? disclosureFor(deps, person, text) : undefined;
  // Shaped with the answer, so the disclosure counts against the segment budget and stays GSM-7.
  const body = message.channel === 'voice'
    ? shapeSpeechReply(answer.text)
    : shapeSmsReply(disclosure ? `${disclosure}\n${answer.text}` : answer.text, { ...deps.config.sms, language: detectLanguage(answer.text) ?? language });

  watch.lap('llmMs');
  const now = deps.clock.now();
  const replyId = uuidv7(now.getTime());
  // The memory job is independent of the reply row: queued alongside the save, not after it (a voice
  // caller waits for this job to finish).
  const [savedId] = await Promise.all([
    saveReply(
      deps.db,
      replyRow({ id: replyId, inbound: message, dataKey, body, now, model: answer.model, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens, costUsd: answer.costUsd }),
    ),
    queueFactExtraction(deps, message.id, text),
  ]);
  watch.lap('saveMs');
  if (disclosure) await setDisclosedAt(deps.db, person.id, now);
  if (message.channel === 'sms') await deps.enqueue.send(savedId);
  watch.lap('afterMs');
  return { kind: 'replied', replyId: savedId, model: answer.model, fallback: answer.fallback, timings: watch.laps };
}

/** Instructions that depend on the channel, appended to the system prompt. */
function channelNotes(deps: Deps, channel: Channel, language: Language): string[] {
  if (channel === 'voice') return [VOICE_PROMPT_NOTE];
  // Asking for the length up front costs nothing; cutting a long answer later throws paid tokens away.
  // Models overshoot a length they are given, so ask for 90% of what fits.
  const chars = Math.floor((smsCharBudget(deps.config.sms.maxSegments, language, deps.config.sms.forceGsm) * 0.9) / 10) * 10;
  return [`This is a text message: answer in at most ${chars} characters, plain text, no emoji.`];
}

/** The person's preferred language follows what they write in (when it is clear); voice greets them in it. */
async function rememberLanguage(deps: Deps, personId: string, locale: string | null, text: string): Promise<void> {
  // A word or two ("ok", "hola") is too little to change someone's language on.
  if (text.trim().split(/\s+/).length < 3) return;
  const written = detectLanguage(text);
  if (written && written !== locale) await setLocale(deps.db, personId, written);
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
