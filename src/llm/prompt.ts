import type { ChatMessage } from './types.js';

export interface HistoryTurn {
  direction: 'inbound' | 'outbound';
  text: string;
}

export interface PromptInput {
  systemPrompt: string;
  /** Extra instructions for this turn (channel, safety notes…), appended to the system prompt. */
  notes?: string[];
  /** Oldest first. */
  history: HistoryTurn[];
  message: string;
}

export function buildPrompt(input: PromptInput): ChatMessage[] {
  const system = [input.systemPrompt, ...(input.notes ?? [])].join('\n\n');
  return [
    { role: 'system', content: system },
    ...input.history.map((turn): ChatMessage => ({ role: turn.direction === 'inbound' ? 'user' : 'assistant', content: turn.text })),
    { role: 'user', content: input.message },
  ];
}
