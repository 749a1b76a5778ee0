import { EventEmitter, once } from 'node:events';
import { EXTRACTION_PROMPT_START } from '../../src/conversation/memory/extract.js';
import { sendJson, startLocalServer } from './http-server.js';

export type Behaviour =
  | { kind: 'text'; text: string; delayMs?: number }
  | { kind: 'status'; status: number; message?: string; retryAfterMs?: number }
  | { kind: 'hang' }
  | { kind: 'empty' }
  | { kind: 'no_choices' }
  | { kind: 'long'; words: number }
  | { kind: 'refusal' }
  /** Answers `text` only once `until` settles: the test decides when the LLM call is over. */
  | { kind: 'held'; text: string; until: Promise<unknown> };

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
}

/**
 * A local server speaking OpenAI's chat-completions wire format, so the real openai SDK runs against it.
 * Behaviours are scripted per request (`script`), falling back to `fallbackBehaviour`.
 *
 * Fact-extraction calls (recognised by their system prompt) are kept apart: they go to `factRequests`,
 * emit 'facts-request', and get `scriptFacts` / `setFactsBehaviour` answers, so a test scripting reply
 * behaviours is never thrown off by the memory job's call.
 */
export async function startFakeOpenAi(defaultText = 'Hello from the fake model.') {
  const events = new EventEmitter();
  const requests: ChatRequest[] = [];
  const factRequests: ChatRequest[] = [];
  const scripted: Behaviour[] = [];
  const scriptedFacts: Behaviour[] = [];
  const state = {
    fallbackBehaviour: { kind: 'text', text: defaultText } as Behaviour,
    factsBehaviour: { kind: 'text', text: '{"facts":[],"forget":[]}' } as Behaviour,
  };

  const completion = (model: string, content: string | null, choices = true) => ({
    id: `chatcmpl-${requests.length}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: choices ? [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }] : [],
    usage: { prompt_tokens: 42, completion_tokens: content ? content.split(/\s+/).length : 0, total_tokens: 42 + (content ? content.split(/\s+/).length : 0) },
  });

  const server = await startLocalServer(async (req, res, body) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    const request = JSON.parse(body) as ChatRequest;
    const extraction = request.messages[0]?.content.startsWith(EXTRACTION_PROMPT_START) ?? false;
    (extraction ? factRequests : requests).push(request);
    const behaviour = extraction ? (scriptedFacts.shift() ?? state.factsBehaviour) : (scripted.shift() ?? state.fallbackBehaviour);
    events.emit(extraction ? 'facts-request' : 'request', request, behaviour);
    switch (behaviour.kind) {
      case 'hang':
        return; // held open until the client gives up or the server closes
      case 'status':
        if (behaviour.retryAfterMs) res.setHeader('retry-after-ms', String(behaviour.retryAfterMs));
        return sendJson(res, behaviour.status, { error: { message: behaviour.message ?? 'fake failure', type: 'server_error', code: null } });
      case 'empty':
        return sendJson(res, 200, completion(request.model, ''));
      case 'no_choices':
        return sendJson(res, 200, completion(request.model, null, false));
      case 'refusal': {
        const refused = completion(request.model, null);
        refused.choices[0]!.message.refusal = "I'm sorry, I can't help with that." as never;
        return sendJson(res, 200, refused);
      }
      case 'long':
        return sendJson(res, 200, completion(request.model, Array.from({ length: behaviour.words }, (_, i) => `word${i}.`).join(' ')));
      case 'held':
        await behaviour.until.catch(() => undefined);
        return sendJson(res, 200, completion(request.model, behaviour.text));
      case 'text':
        if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
        return sendJson(res, 200, completion(request.model, behaviour.text));
    }
  });

  return {
    url: `${server.url}/v1`,
    requests,
    factRequests,
    /** Answers for the next fact-extraction calls, in order. */
    scriptFacts(...next: Behaviour[]) {
      scriptedFacts.push(...next);
    },
    setFactsBehaviour(behaviour: Behaviour) {
      state.factsBehaviour = behaviour;
    },
    /** Behaviours for the next requests, in order. */
    script(...next: Behaviour[]) {
      scripted.push(...next);
    },
    /** What every request gets once the script is used up. */
    setFallbackBehaviour(behaviour: Behaviour) {
      state.fallbackBehaviour = behaviour;
    },
    async nextRequest(timeoutMs = 10_000): Promise<ChatRequest> {
      const [request] = (await once(events, 'request', { signal: AbortSignal.timeout(timeoutMs) })) as [ChatRequest];
      return request;
    },
    events,
    close: server.close,
  };
}

export type FakeOpenAi = Awaited<ReturnType<typeof startFakeOpenAi>>;
