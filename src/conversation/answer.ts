import type { Channel } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { cannedReply, classifyIntent } from '../llm/canned.js';
import { checkAnswer } from '../llm/output-checks.js';
import { costUsd } from '../llm/pricing.js';
import type { ChatMessage, LlmResult } from '../llm/types.js';
import type { Language } from '../util/language.js';

export interface Answer {
  text: string;
  /** The model that answered, or 'canned' when the person got a canned reply. */
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  /** True when no model answer was usable and a canned reply stands in. */
  fallback: boolean;
}

export interface AnswerInput {
  messageId: string;
  channel: Channel;
  messages: ChatMessage[];
  /** The person's message, for choosing the canned reply's wording. */
  text: string;
  language: Language;
  /** Instruction texts the answer must not repeat (operator prompt, notes). */
  instructions: string[];
}

export const CANNED_MODEL = 'canned';

/**
 * Asks the model chain for an answer within the channel's deadline and checks it; when the chain has
 * nothing usable, the person gets a canned reply in their language instead. Never throws for an LLM
 * problem. Tokens spent on a rejected answer are still recorded: they were paid for.
 */
export async function answerMessage(deps: Deps, input: AnswerInput): Promise<Answer> {
  const { llm } = deps.config;
  const timeoutMs = input.channel === 'voice' ? llm.voiceTimeoutMs : llm.timeoutMs;
  let result: LlmResult;
  try {
    result = await deps.llm.complete({ messages: input.messages, timeoutMs });
  } catch (error) {
    deps.log.warn({ messageId: input.messageId, llm: deps.llm.name, err: (error as Error).message }, 'LLM failed; sending the fallback reply');
    return canned(input);
  }
  const usage = {
    promptTokens: result.promptTokens ?? null,
    completionTokens: result.completionTokens ?? null,
    costUsd: costUsd(llm.prices, result.model, result.promptTokens, result.completionTokens),
  };
  const problem = checkAnswer(result.text, input.instructions);
  if (problem) {
    deps.log.warn({ messageId: input.messageId, model: result.model, problem }, 'LLM answer rejected; sending the fallback reply');
    return { ...canned(input), ...usage };
  }
  return { text: result.text, model: result.model, fallback: false, ...usage };
}

function canned(input: AnswerInput): Answer {
  return {
    text: cannedReply(classifyIntent(input.text), input.language),
    model: CANNED_MODEL,
    // No model answered, so nothing was spent (failed calls are not billed).
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    fallback: true,
  };
}
