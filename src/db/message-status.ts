import { sql, type RawBuilder } from 'kysely';

/**
 * Message lifecycles.
 * inbound:  pending → replied | handled (answered in the webhook: command, crisis) | skipped (opted out) | failed
 * outbound: queued → submitting (provider call in flight) → accepted → sending → sent → delivered | undelivered | failed,
 *           or canceled (never sent: opted out before the send step).
 */
export type InboundStatus = 'pending' | 'replied' | 'handled' | 'skipped' | 'failed';
export type OutboundStatus =
  | 'queued' | 'submitting' | 'accepted' | 'sending' | 'sent'
  | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'read';

/** Outbound status only moves forward: a late `sent` callback never overwrites `delivered`. */
export const OUTBOUND_RANK: Record<OutboundStatus, number> = {
  queued: 0,
  submitting: 1,
  accepted: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  read: 6,
};

/** SQL for the rank of the row's current status, so the forward-only check happens in the UPDATE itself. */
export function outboundRankSql(): RawBuilder<number> {
  const cases = Object.entries(OUTBOUND_RANK).map(([status, rank]) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`);
  return sql<number>`(case status ${sql.join(cases, sql` `)} else -1 end)`;
}
