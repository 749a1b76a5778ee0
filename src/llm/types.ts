export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  messages: ChatMessage[];
  /** Hard deadline for the whole call; the caller has somebody waiting. */
  timeoutMs: number;
  maxTokens?: number;
}

export interface LlmResult {
  text: string;
  model: string;
  promptTokens?: number;
  completionTokens?: number;
}

/** Anything that can answer a chat: the OpenAI-compatible client, the offline responder, a test double. */
export interface Llm {
  readonly name: string;
  complete(request: LlmRequest): Promise<LlmResult>;
}

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly reason: 'timeout' | 'http' | 'connection' | 'empty' | 'malformed',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
