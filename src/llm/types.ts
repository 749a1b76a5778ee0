export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  messages: ChatMessage[];
  /** Hard deadline for the whole call, retries and fallbacks included; the caller has somebody waiting. */
  timeoutMs: number;
  maxTokens?: number;
}

export interface LlmResult {
  text: string;
  model: string;
  promptTokens?: number;
  completionTokens?: number;
}

/** Anything that can answer a chat: the OpenAI-compatible client, the resilient chain, the offline responder, a test double. */
export interface Llm {
  readonly name: string;
  complete(request: LlmRequest): Promise<LlmResult>;
}

export type LlmErrorReason =
  /** The deadline passed before the server answered. */
  | 'timeout'
  /** The server answered with an error status (429, 5xx, 4xx). */
  | 'http'
  /** No connection (refused, reset, DNS). */
  | 'connection'
  /** An answer with no choices or no text. */
  | 'empty'
  /** The model declined to answer (refusal field or content filter). */
  | 'refusal'
  /** Far more text than max_tokens allows: a server that ignores the cap, or a model stuck in a loop. */
  | 'runaway'
  /** Anything else that is not a usable answer. */
  | 'malformed'
  /** Every model is failing or its circuit breaker is open: nothing was (or could be) answered. */
  | 'unavailable';

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly reason: LlmErrorReason,
    message: string,
    readonly status?: number,
    /** From a Retry-After header, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
