import { findCurrentPlan, findUsage } from '../db/queries/billing.js';
import type { Deps } from '../deps.js';
import { createCheckoutUrl, createPortalUrl, stripeErrorFields } from './links.js';
import { texts } from './texts.js';

interface Person {
  id: string;
  locale: string | null;
}

/**
 * The answer to UPGRADE (and PLAN, which also says where the person stands): a Checkout link, or why
 * there is none. Never throws: a Stripe failure becomes a "try again" text, not a webhook error.
 */
export async function upgradeReply(deps: Deps, person: Person, options: { withStatus?: boolean } = {}): Promise<string> {
  const plan = await findCurrentPlan(deps.db, person.id);
  const status = options.withStatus && plan ? await planStatus(deps, person.id, plan) : undefined;
  if (plan && !plan.is_default) return texts.alreadySubscribed(plan.name);
  if (!deps.stripe) return [status, texts.upgradesUnavailable()].filter(Boolean).join(' ');
  try {
    const url = await createCheckoutUrl({ ...deps, stripe: deps.stripe }, person);
    return [status, texts.upgradeLink(url)].filter(Boolean).join(' ');
  } catch (error) {
    deps.log.warn({ personId: person.id, ...stripeErrorFields(error) }, 'checkout link failed');
    return texts.linkFailed();
  }
}

/** The answer to MANAGE: a billing portal link for someone who has been a customer. */
export async function manageReply(deps: Deps, person: Person): Promise<string> {
  if (!deps.stripe) return texts.upgradesUnavailable();
  try {
    const url = await createPortalUrl({ ...deps, stripe: deps.stripe }, person.id);
    return url ? texts.manageLink(url) : texts.noPaidPlan();
  } catch (error) {
    deps.log.warn({ personId: person.id, ...stripeErrorFields(error) }, 'portal link failed');
    return texts.linkFailed();
  }
}

async function planStatus(deps: Deps, personId: string, plan: { id: string; name: string }): Promise<string> {
  const usage = await findUsage(deps.db, { personId, planId: plan.id, feature: 'sms_chat', now: deps.clock.now() });
  return texts.planStatus(plan.name, usage?.used ?? null, usage?.usage_limit ?? null, usage?.period ?? null);
}
