import { z } from 'zod';
import { aad, openSealedText, unwrapDataKey } from '../../crypto/envelope.js';
import { recordExtractionUsage } from '../../db/queries/facts.js';
import { findMessageWithPerson } from '../../db/queries/people.js';
import type { Deps } from '../../deps.js';
import { costUsd } from '../../llm/pricing.js';
import { redactPii } from '../../safety/pii.js';
import { Fact, loadFacts, saveFacts, type StoredFact } from './facts.js';

/**
 * The marker the extraction prompt starts with. Exported so the fake OpenAI server can tell an
 * extraction call from a reply and answer it separately.
 */
export const EXTRACTION_PROMPT_START = 'You maintain the long-term memory of a text-message assistant.';

const EXTRACTION_PROMPT = `${EXTRACTION_PROMPT_START}
Read the person's message and return only JSON, no prose:
{"facts":[{"key":"…","value":"…","kind":"stable"|"current"}],"forget":["…"]}
- Only lasting personal facts the person states about themselves: pregnancy and due date, children, diet,
  allergies, conditions, medication, preferred language, name, where they live, work.
- key: a short snake_case topic (pregnancy, due_date, diet, allergy, language, name, symptom…). Reuse a known
  key when the message updates it.
- value: a few words, in the person's language ("20 weeks pregnant", "vegetarian").
- kind: "stable" for lasting facts; "current" for passing states (a symptom, a mood, this week's plans).
- forget: known keys the person says are no longer true.
- Nothing to remember: {"facts":[],"forget":[]}`;

const Extraction = z.object({
  facts: z.array(z.unknown()).max(10).catch([]),
  forget: z.array(z.string()).max(10).catch([]),
});

// First person in the five languages, or a number (weeks, a date). Most messages ("what can I eat?")
// state nothing about the person: skipping them saves an LLM call each.
const STATES_SOMETHING =
  /\b(i|i'm|im|i've|my|me|we|our|yo|soy|estoy|tengo|mi|mis|je|j'ai|suis|mon|ma|mes|eu|sou|estou|tenho|meu|minha|ich|bin|habe|mein|meine)\b|\d/i;

/** Cheap pre-check in the reply step: could this message tell us something worth remembering? */
export function mightStateFact(text: string): boolean {
  return STATES_SOMETHING.test(text.normalize('NFKC'));
}

/**
 * Queues the `facts` job for a message that might state something (jobId = message id: one extraction
 * per message). Never fails the reply: a lost job only means one fact not remembered.
 */
export async function queueFactExtraction(deps: Deps, messageId: string, text: string): Promise<void> {
  if (!deps.config.memory.factsEnabled || !deps.config.llm.configured || !mightStateFact(text)) return;
  try {
    await deps.queues.facts.add('facts', { messageId }, { jobId: messageId });
  } catch (error) {
    deps.log.warn({ messageId, err: (error as Error).message }, 'fact extraction not queued');
  }
}

export type ExtractionOutcome = 'saved' | 'nothing_new' | 'skipped' | 'llm_failed' | 'unparseable';

/**
 * The `facts` job: one small LLM call that turns a message into facts for long-term memory. Best
 * effort: a failed or garbled extraction changes nothing and is not retried (a missed fact is cheaper
 * than hammering a struggling model). Tokens and cost are recorded on the inbound message's row.
 */
export async function extractFacts(deps: Deps, messageId: string): Promise<{ outcome: ExtractionOutcome; facts?: number }> {
  const found = await findMessageWithPerson(deps.db, messageId);
  if (!found || found.message.direction !== 'inbound' || found.message.model !== null) return { outcome: 'skipped' };
  const { message, person } = found;
  if (!person || person.deleted_at || person.opted_out_at) return { outcome: 'skipped' };

  const dataKey = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
  const text = openSealedText(dataKey, message.body_enc, aad.messageBody(message.id));
  const known = await loadFacts(deps, person.id, dataKey);

  let answer;
  try {
    answer = await deps.llm.complete({ messages: extractionPrompt(known, redactPii(text)), timeoutMs: deps.config.llm.timeoutMs, maxTokens: 200 });
  } catch (error) {
    deps.log.warn({ messageId, err: (error as Error).message }, 'fact extraction failed; nothing remembered');
    return { outcome: 'llm_failed' };
  }
  await recordExtractionUsage(deps.db, messageId, {
    model: answer.model,
    prompt_tokens: answer.promptTokens ?? null,
    completion_tokens: answer.completionTokens ?? null,
    cost_usd: costUsd(deps.config.llm.prices, answer.model, answer.promptTokens, answer.completionTokens),
  });

  const change = parseExtraction(answer.text);
  if (!change) return { outcome: 'unparseable' };
  if (change.facts.length === 0 && change.forget.length === 0) return { outcome: 'nothing_new' };
  await saveFacts(deps, person.id, dataKey, change);
  return { outcome: 'saved', facts: change.facts.length };
}

function extractionPrompt(known: StoredFact[], text: string) {
  const facts = known.length > 0 ? known.map((f) => `- ${f.key}: ${f.value}`).join('\n') : '(none)';
  return [
    { role: 'system' as const, content: `${EXTRACTION_PROMPT}\n\nKnown facts:\n${facts}` },
    { role: 'user' as const, content: text },
  ];
}

/** The JSON object in the answer (models like to wrap it in prose or a code fence), validated; invalid facts are dropped. */
export function parseExtraction(answer: string): { facts: Fact[]; forget: string[] } | undefined {
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const parsed = Extraction.safeParse(json);
  if (!parsed.success) return undefined;
  const facts = parsed.data.facts.flatMap((f) => {
    const fact = Fact.safeParse(f);
    return fact.success ? [fact.data] : [];
  });
  const forget = parsed.data.forget.map((k) => k.trim().toLowerCase()).filter((k) => /^[a-z][a-z0-9_]{0,39}$/.test(k));
  return { facts, forget };
}
