import type { Llm } from './types.js';

/**
 * Answers when no LLM is configured (no OPENAI_API_KEY or OPENAI_BASE_URL), so a fresh checkout works
 * end to end. The startup log says it is in use.
 */
export const OFFLINE_MODEL = 'offline';

export function createOfflineLlm(): Llm {
  return {
    name: OFFLINE_MODEL,
    async complete() {
      return {
        text: 'Hi! This assistant is running without a language model right now, so it cannot answer properly yet. Your message was received.',
        model: OFFLINE_MODEL,
      };
    },
  };
}
