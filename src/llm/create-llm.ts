import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { createRedisBreaker } from './breaker.js';
import { createOfflineLlm } from './offline.js';
import { createOpenAiLlm } from './openai.js';
import { createResilientLlm } from './resilient.js';
import type { Llm } from './types.js';

/**
 * The LLM every reply goes through: the offline responder when no model is configured, else the
 * primary model then the optional fallback, each behind a circuit breaker shared through Redis.
 */
export function createLlm(config: Config, shared: { redis: Redis; clock: Clock; log: Log }): Llm {
  const { llm } = config;
  if (!llm.configured) return createOfflineLlm();
  const models = [
    { apiKey: llm.apiKey, baseUrl: llm.baseUrl, model: llm.model },
    ...(llm.fallback ? [llm.fallback] : []),
  ];
  const endpoints = models.map((model) => {
    const client = createOpenAiLlm({ ...model, maxTokens: llm.maxTokens });
    const breaker = createRedisBreaker({
      redis: shared.redis,
      key: `${config.redis.queuePrefix}:llm-breaker:${client.name}`,
      clock: shared.clock,
      log: shared.log,
      failures: llm.breaker.failures,
      openMs: llm.breaker.openMs,
    });
    return { llm: client, breaker };
  });
  return createResilientLlm({ endpoints, log: shared.log });
}
