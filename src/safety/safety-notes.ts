import { latestCrisisSince } from '../db/queries/crisis-events.js';
import type { Deps } from '../deps.js';
import { CRISIS_WORDS } from './crisis-texts.js';
import { crisisResourcesFor } from './hotlines.js';

const WHAT_HAPPENED: Record<string, string> = {
  suicide: 'thoughts of suicide',
  self_harm: 'self-harm',
  violence: 'an urge to hurt someone',
  abuse: 'abuse or violence against them',
  medical: 'a possible medical emergency',
};

/**
 * System notes for every LLM reply (notes are instructions to the model, so English whatever the language).
 *
 * - After a crisis message in this conversation (within CRISIS_FOLLOW_UP_HOURS): stay supportive and keep
 *   the person's resources in front of them.
 * - Otherwise a short safety net: the webhook's detector catches what is said plainly, and misses what is
 *   only implied ("I've been giving away my things"); the model is told what to do if it sees that.
 */
export async function safetyNotes(deps: Deps, person: { id: string; country: string | null }): Promise<string[]> {
  const resources = crisisResourcesFor(person.country);
  const lines = resources.lines.map(CRISIS_WORDS.en.line);
  const reach = `${lines.length > 0 ? `${lines.join(' or ')}, or ` : ''}${resources.emergency ? `the emergency number ${resources.emergency}` : 'their local emergency number'}`;

  const since = new Date(deps.clock.now().getTime() - deps.config.safety.crisisFollowUpMs);
  const event = await latestCrisisSince(deps.db, person.id, since);
  if (!event) {
    return [
      'Safety: if the person seems at risk of suicide or self-harm, of hurting someone, of being hurt, or in a medical ' +
        `emergency, even if they only hint at it, answer with care and tell them they can reach ${reach}.`,
    ];
  }
  return [
    `Safety note: earlier in this conversation the person wrote about ${WHAT_HAPPENED[event.category] ?? 'a crisis'}. ` +
      'Stay warm, calm and supportive; do not judge, argue or lecture; keep replies short. ' +
      `Gently remind them that they can reach ${reach} if they are in danger, and encourage them to reach out to someone ` +
      'they trust. Never give information that could be used for self-harm.',
  ];
}
