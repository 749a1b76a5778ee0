import { advanceOutboundStatus } from '../db/queries/messages.js';
import type { OutboundStatus } from '../db/message-status.js';
import type { ProviderName } from '../db/schema.js';
import type { Deps } from '../deps.js';

export interface DeliveryUpdate {
  provider: ProviderName;
  /** Our id, carried in the callback URL: known even when the callback beats the send step's own write. */
  messageId?: string;
  providerMessageId: string;
  status: OutboundStatus;
  errorCode?: string;
}

/** Records a provider's delivery callback. Forward-only, so duplicates and late arrivals change nothing. */
export async function recordDeliveryStatus(deps: Deps, update: DeliveryUpdate): Promise<boolean> {
  const where = update.messageId
    ? { id: update.messageId }
    : { provider: update.provider, providerMessageId: update.providerMessageId };
  return advanceOutboundStatus(deps.db, where, {
    status: update.status,
    providerMessageId: update.providerMessageId,
    errorCode: update.errorCode ?? null,
  });
}
