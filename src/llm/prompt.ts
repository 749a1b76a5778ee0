import { estimateMessageTokens, estimateTokens } from './tokens.js';
import type { ChatMessage } from './types.js';

export interface HistoryTurn {
  direction: 'inbound' | 'outbound';
  text: string;
}

export interface PromptInput {
  systemPrompt: string;
  /** Extra instructions for this turn (channel, safety notes…), appended to the system prompt. */
  notes?: string[];
  /** What the person told us before (long-term memory), one line each. */
  facts?: string[];
  /** This session's turns, oldest first. */
  history: HistoryTurn[];
  message: string;
  /** Estimated tokens the whole prompt may take; the oldest turns are dropped to stay under it. */
  tokenBudget?: number;
}

// The current message is never dropped, but one pasted essay may not eat the whole budget.
const MAX_MESSAGE_SHARE = 0.5;

/**
 * The chat sent to the model: system prompt with notes and known facts, then as much of the session's
 * history as fits the token budget (newest kept), then the message. The system message and the current
 * message always go in; facts are cut (newest kept) only if they alone would blow the budget.
 */
export function buildPrompt(input: PromptInput): ChatMessage[] {
  const budget = input.tokenBudget ?? Infinity;
  const message: ChatMessage = { role: 'user', content: truncateToTokens(input.message, budget * MAX_MESSAGE_SHARE) };
  const base = [input.systemPrompt, ...(input.notes ?? [])].join('\n\n');
  let left = budget - estimateMessageTokens(message) - estimateMessageTokens({ role: 'system', content: base });

  const facts: string[] = [];
  const headerCost = estimateTokens(`\n\n${FACTS_HEADER}\n`);
  for (const fact of [...(input.facts ?? [])].reverse()) {
    const cost = estimateTokens(`- ${fact}\n`) + (facts.length === 0 ? headerCost : 0);
    if (cost > left) break;
    facts.unshift(fact);
    left -= cost;
  }
  const system: ChatMessage = { role: 'system', content: facts.length > 0 ? `${base}\n\n${FACTS_HEADER}\n${facts.map((f) => `- ${f}`).join('\n')}` : base };

  const turns: ChatMessage[] = [];
  for (const turn of [...input.history].reverse()) {
    const chat: ChatMessage = { role: turn.direction === 'inbound' ? 'user' : 'assistant', content: turn.text };
    const cost = estimateMessageTokens(chat);
    if (cost > left) break;
    turns.unshift(chat);
    left -= cost;
  }
  // A chat history that starts with the assistant reads as if the model spoke first; drop that turn.
  while (turns[0]?.role === 'assistant') turns.shift();
  return [system, ...turns, message];
}

const FACTS_HEADER =
  'What this person has told you before (use it when it helps; do not list it back to them; dates say when they said it):';

function truncateToTokens(text: string, tokens: number): string {
  if (estimateTokens(text) <= tokens) return text;
  let cut = text.slice(0, Math.max(0, Math.floor(tokens * 3)));
  while (estimateTokens(cut) > tokens) cut = cut.slice(0, -1);
  return cut;
}
