import { manageReply, upgradeReply } from '../../billing/plan-replies.js';
import type { Command } from './types.js';

// Someone who texted STOP gets nothing but what START/HELP answer: billing keywords are then plain messages (dropped).

/** UPGRADE / PLAN: a Stripe Checkout link for Premium (PLAN also says which plan and how much is used). */
export const upgradeCommand: Command = {
  name: 'upgrade',
  matches: (keyword, _body, person) => (keyword === 'UPGRADE' || keyword === 'PLAN') && !person.optedOut,
  run: async ({ deps, person, keyword }) => ({ reply: await upgradeReply(deps, person, { withStatus: keyword === 'PLAN' }) }),
};

/** MANAGE: a Stripe billing portal link (card, receipts, cancel). */
export const manageCommand: Command = {
  name: 'manage',
  matches: (keyword, _body, person) => keyword === 'MANAGE' && !person.optedOut,
  run: async ({ deps, person }) => ({ reply: await manageReply(deps, person) }),
};
