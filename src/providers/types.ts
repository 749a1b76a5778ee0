import type { OutboundStatus } from '../db/message-status.js';

/** One interface for every SMS provider; adapters know wire formats, the pipeline knows the product. */
export interface OutboundSms {
  from: string;
  to: string;
  body: string;
  /** Where the provider posts delivery updates for this message. */
  statusCallbackUrl?: string;
}

export interface SendResult {
  providerMessageId: string;
  status: OutboundStatus;
}

export interface MessagingProvider {
  readonly name: string;
  sendSms(message: OutboundSms): Promise<SendResult>;
  /**
   * Looks for a message already accepted by the provider (same from, to and body, created since
   * `since`). Used only when an earlier attempt died mid-call and we cannot know whether it sent.
   */
  findSent(message: OutboundSms & { since: Date }): Promise<SendResult | undefined>;
}

export type ProviderErrorKind =
  /** The request was refused and will be refused again (bad number, not a mobile…). */
  | 'permanent'
  /** The recipient has opted out at the provider (Twilio 21610): mark them opted out, never retry. */
  | 'opted_out'
  /** Refused for now (429, 5xx): nothing was sent, try again later. */
  | 'transient'
  /** No answer (timeout, reset): the provider may or may not have accepted it. */
  | 'unknown_outcome';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
