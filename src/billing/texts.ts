import type { PlanPeriod } from '../db/schema.js';

/**
 * Every billing text a person reads or hears, in one place (English for now; one file to translate).
 * Kept to one SMS segment where a link allows: these go to people on tight budgets.
 */
const PERIOD_WORDS: Record<PlanPeriod, string> = { day: 'today', week: 'this week', month: 'this month' };

// "December 1": the day the quota resets, in UTC like the periods themselves.
export const formatDay = (date: Date) => date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });

const EMERGENCY = 'If this is an emergency, hang up and call your local emergency number.';

export const texts = {
  upgradeLink: (url: string) => `Get Premium for unlimited messages and calls: ${url}`,
  alreadySubscribed: (plan: string) => `You're on the ${plan} plan. Text MANAGE to change your card or cancel.`,
  upgradesUnavailable: () => "Upgrades aren't available on this line.",
  linkFailed: () => "Sorry, we couldn't create your link just now. Please try again in a few minutes.",
  manageLink: (url: string) => `Manage your Premium plan (card, receipts, cancel): ${url}`,
  noPaidPlan: () => "You don't have a paid plan. Text UPGRADE to get Premium.",
  planStatus: (plan: string, used: number | null, limit: number | null, period: PlanPeriod | null) =>
    limit === null || period === null
      ? `You're on the ${plan} plan.`
      : `You're on the ${plan} plan: ${used ?? 0} of ${limit} messages used ${PERIOD_WORDS[period]}.`,

  overQuota: (q: { limit: number; period: PlanPeriod; resetsAt: Date }, upgrade: string) =>
    `You've used all ${q.limit} messages for ${PERIOD_WORDS[q.period]}. Replies start again on ${formatDay(q.resetsAt)}. ${upgrade}`.trim(),
  smsNotIncluded: (upgrade: string) => `Messages with the assistant aren't part of your plan. ${upgrade}`.trim(),
  overQuotaUpgradeLink: (url: string) => `Unlimited with Premium: ${url}`,
  overQuotaUpgradeKeyword: () => 'Text UPGRADE for unlimited messages with Premium.',

  // Spoken to a caller before the call ends: no links. The caller is refused before saying anything, so
  // the emergency sentence is the only safety net a free caller in crisis gets on this path.
  voiceNotIncluded: () =>
    `Phone calls are part of the Premium plan. To upgrade, send a text message with the word UPGRADE to this number. ${EMERGENCY} Goodbye.`,
  voiceOverQuota: (q: { period: PlanPeriod; resetsAt: Date }) =>
    `You have used all your calls for ${PERIOD_WORDS[q.period]}. Calls open again on ${formatDay(q.resetsAt)}. For unlimited calls, text the word UPGRADE to this number. ${EMERGENCY} Goodbye.`,

  subscriptionActive: () => 'Premium is active. Thank you! You now have unlimited messages and calls. Text MANAGE anytime to change your card or cancel.',
  subscriptionEnded: () => 'Your Premium plan has ended and you are back on the Free plan. Text UPGRADE anytime to come back.',
  paymentFailed: () => "We couldn't take your Premium payment. Text MANAGE to update your card and keep Premium.",
};
