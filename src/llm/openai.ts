import OpenAI, { APIConnectionTimeoutError, APIConnectionError, APIError } from 'openai';
import { LlmError, type Llm, type LlmRequest, type LlmResult } from './types.js';

export interface OpenAiOptions {
  apiKey?: string;
  /** Any OpenAI-compatible server: Ollama, vLLM, LM Studio… */
  baseUrl?: string;
  model: string;
}

// A reply is a few SMS segments; a cap on tokens also caps the cost of a runaway answer.
const DEFAULT_MAX_TOKENS = 400;

export function createOpenAiLlm(options: OpenAiOptions): Llm {
  const client = new OpenAI({
    // Self-hosted servers usually need no key, but the SDK insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    // Retries happen above this client, inside the caller's deadline; the SDK's own would overrun it.
    maxRetries: 0,
  });

  return {
    name: `openai:${options.model}`,
    async complete(request: LlmRequest): Promise<LlmResult> {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          { model: options.model, messages: request.messages, max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS },
          { timeout: request.timeoutMs },
        );
      } catch (error) {
        if (error instanceof APIConnectionTimeoutError) throw new LlmError('timeout', 'LLM call timed out');
        if (error instanceof APIConnectionError) throw new LlmError('connection', 'LLM server unreachable');
        if (error instanceof APIError) throw new LlmError('http', `LLM answered ${error.status}`, error.status);
        throw new LlmError('malformed', 'LLM call failed');
      }
      const text = completion.choices?.[0]?.message?.content?.trim();
      if (!text) throw new LlmError('empty', 'LLM returned no text');
      return {
        text,
        model: completion.model || options.model,
        promptTokens: completion.usage?.prompt_tokens,
        completionTokens: completion.usage?.completion_tokens,
      };
    },
  };
}
