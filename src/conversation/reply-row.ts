import { aad, seal, type DataKey } from '../crypto/envelope.js';
import type { Message, NewMessage } from '../db/schema.js';

export interface ReplyRowInput {
  id: string;
  /** The inbound message being answered: the reply goes back on its channel, provider and number. */
  inbound: Pick<Message, 'id' | 'person_id' | 'channel' | 'provider' | 'service_number'>;
  dataKey: DataKey;
  body: string;
  now: Date;
  model: string;
  promptTokens?: number | null;
  completionTokens?: number | null;
  costUsd?: string | number | null;
}

/** The outbound row for a reply, its body sealed under the person's key (any kind: LLM answer, notice). */
export function replyRow(input: ReplyRowInput): NewMessage & { reply_to_id: string } {
  const { inbound } = input;
  return {
    id: input.id,
    person_id: inbound.person_id,
    channel: inbound.channel,
    direction: 'outbound',
    provider: inbound.provider,
    provider_message_id: null,
    service_number: inbound.service_number,
    reply_to_id: inbound.id,
    body_enc: seal(input.dataKey, input.body, aad.messageBody(input.id)),
    status: 'queued',
    model: input.model,
    prompt_tokens: input.promptTokens ?? null,
    completion_tokens: input.completionTokens ?? null,
    cost_usd: input.costUsd ?? null,
    created_at: input.now,
    updated_at: input.now,
  };
}
