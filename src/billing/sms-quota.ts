import type { DataKey } from '../crypto/envelope.js';
import { replyRow } from '../conversation/reply-row.js';
import { saveReply, setMessageStatus } from '../db/queries/messages.js';
import { claimOverQuotaNotice } from '../db/queries/quota.js';
import type { Message } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { uuidv7 } from '../util/id.js';
import { createCheckoutUrl, stripeErrorFields } from './links.js';
import { periodStart } from './period.js';
import { consumeQuota, type QuotaDecision } from './quota.js';
import { texts } from './texts.js';

/** The reply job's outcome when the person is over their SMS quota: the notice (once a period), or nothing. */
export type OverQuotaOutcome = { kind: 'over_quota'; replyId?: string };

type Refusal = Extract<QuotaDecision, { allowed: false }>;

/**
 * The reply job's quota step, run before the LLM: charges `sms_chat` for this inbound SMS. Undefined
 * means go on and answer. Over quota, the message gets no LLM answer: the first one of the period gets
 * one friendly notice (saved and sent like a reply), the rest are recorded as skipped with no reply.
 * Commands and crisis messages are answered in the webhook and never reach this step; voice turns are
 * charged once per call (admitCall), not per turn.
 */
export async function chargeSmsReply(
  deps: Deps,
  message: Pick<Message, 'id' | 'person_id' | 'channel' | 'provider' | 'service_number'>,
  person: { id: string; locale: string | null },
  dataKey: DataKey,
): Promise<OverQuotaOutcome | undefined> {
  if (message.channel !== 'sms') return undefined;
  const decision = await consumeQuota(deps, { personId: person.id, feature: 'sms_chat', chargeKey: `sms:${message.id}` });
  if (decision.allowed) return undefined;

  const now = deps.clock.now();
  const period = decision.reason === 'limit_reached' ? decision.periodStart : periodStart('month', now);
  // The link costs a Stripe call: only make it when this period's notice has not gone out yet (the claim
  // below decides for sure; at worst two racing messages both make a link and one is used).
  const noticeDue = !(await noticeAlreadySent(deps, person.id, period));
  const body = noticeDue ? await overQuotaText(deps, person, decision) : undefined;

  const replyId = uuidv7(now.getTime());
  const sent = await deps.db.transaction().execute(async (trx) => {
    if (!body || !(await claimOverQuotaNotice(trx, { personId: person.id, feature: 'sms_chat', periodStart: period, now }))) {
      await setMessageStatus(trx, message.id, 'skipped', ['pending']);
      return undefined;
    }
    return saveReply(trx, replyRow({ id: replyId, inbound: message, dataKey, body, now, model: 'over_quota' }));
  });
  if (sent) await deps.enqueue.send(sent);
  deps.log.info({ messageId: message.id, personId: person.id, reason: decision.reason, notice: sent !== undefined }, 'over quota');
  return { kind: 'over_quota', replyId: sent };
}

async function noticeAlreadySent(deps: Deps, personId: string, period: Date): Promise<boolean> {
  const row = await deps.db
    .selectFrom('feature_usage')
    .select('over_quota_notice_at')
    .where('person_id', '=', personId)
    .where('feature_key', '=', 'sms_chat')
    .where('period_start', '=', period)
    .executeTakeFirst();
  return row?.over_quota_notice_at != null;
}

async function overQuotaText(deps: Deps, person: { id: string; locale: string | null }, decision: Refusal): Promise<string> {
  let upgrade = '';
  if (deps.stripe) {
    try {
      upgrade = texts.overQuotaUpgradeLink(await createCheckoutUrl({ ...deps, stripe: deps.stripe }, person));
    } catch (error) {
      deps.log.warn({ personId: person.id, ...stripeErrorFields(error) }, 'checkout link for the over-quota notice failed; pointing to UPGRADE');
      upgrade = texts.overQuotaUpgradeKeyword();
    }
  }
  return decision.reason === 'limit_reached' ? texts.overQuota(decision, upgrade) : texts.smsNotIncluded(upgrade);
}
