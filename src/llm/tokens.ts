import type { ChatMessage } from './types.js';

/**
 * A deliberately pessimistic token count, without shipping a tokenizer: English runs ~4 characters per
 * token and accented or non-Latin text fewer, so counting UTF-8 bytes / 3 over-estimates every language
 * we speak. Over-estimating only means dropping an old turn a little early; under-estimating would
 * break the budget.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

// Each chat message costs a few tokens of framing (role, separators) on top of its content.
const PER_MESSAGE_TOKENS = 4;

export function estimateMessageTokens(message: ChatMessage): number {
  return estimateTokens(message.content) + PER_MESSAGE_TOKENS;
}

export function estimatePromptTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + estimateMessageTokens(m), 0);
}
