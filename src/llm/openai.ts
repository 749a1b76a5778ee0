import OpenAI, { APIConnectionTimeoutError, APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { LlmError, type Llm, type LlmRequest, type LlmResult } from './types.js';

export interface OpenAiOptions {
  apiKey?: string;
  /** Any OpenAI-compatible server: Ollama, vLLM, LM Studio… */
  baseUrl?: string;
  model: string;
  /** Used when the request names none. */
  maxTokens: number;
}

// No tokenizer emits more than a handful of characters per token on average; text far past
// max_tokens × this means the server ignored the cap (some self-hosted ones do) or the model looped.
const MAX_CHARS_PER_TOKEN = 8;

/**
 * One OpenAI-compatible endpoint, one attempt per call. Every failure, including an answer that is not
 * usable (no choices, empty, a refusal, a runaway), becomes an LlmError with a reason the caller can act on.
 */
export function createOpenAiLlm(options: OpenAiOptions): Llm {
  const client = new OpenAI({
    // Self-hosted servers usually need no key, but the SDK insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    // Retries happen above this client, inside the caller's deadline; the SDK's own would overrun it.
    maxRetries: 0,
  });

  return {
    name: `${options.model}@${options.baseUrl ? new URL(options.baseUrl).host : 'api.openai.com'}`,
    async complete(request: LlmRequest): Promise<LlmResult> {
      const maxTokens = request.maxTokens ?? options.maxTokens;
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          { model: options.model, messages: request.messages, max_tokens: maxTokens },
          { timeout: request.timeoutMs },
        );
      } catch (error) {
        throw toLlmError(error);
      }
      const choice = completion.choices?.[0];
      if (!choice) throw new LlmError('empty', 'LLM answered with no choices');
      if (choice.message?.refusal || choice.finish_reason === 'content_filter') throw new LlmError('refusal', 'LLM refused to answer');
      const text = choice.message?.content?.trim();
      if (!text) throw new LlmError('empty', 'LLM answered with no text');
      if (text.length > maxTokens * MAX_CHARS_PER_TOKEN) throw new LlmError('runaway', `LLM answered ${text.length} characters for ${maxTokens} tokens`);
      return {
        text,
        model: completion.model || options.model,
        promptTokens: completion.usage?.prompt_tokens,
        // finish_reason 'length' (cut at max_tokens) is kept: shaping cuts it back to a sentence end.
        completionTokens: completion.usage?.completion_tokens,
      };
    },
  };
}

function toLlmError(error: unknown): LlmError {
  // Order matters: the timeout and abort classes are subclasses of APIError with no status.
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return new LlmError('timeout', 'LLM call timed out');
  if (error instanceof APIConnectionError) return new LlmError('connection', 'LLM server unreachable');
  if (error instanceof APIError) return new LlmError('http', `LLM answered ${error.status}`, error.status, retryAfterMs(error.headers));
  return new LlmError('malformed', 'LLM call failed');
}

/** Retry-After as sent by OpenAI (retry-after-ms) or any HTTP server (seconds). */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : undefined;
}
