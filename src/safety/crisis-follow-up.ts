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
 * A system note for replies after a crisis message in the same conversation (CRISIS_FOLLOW_UP_HOURS):
 * stay supportive and keep the resources in front of the person. Empty when there was no recent crisis.
 */
export async function crisisFollowUpNotes(deps: Deps, person: { id: string; country: string | null }): Promise<string[]> {
  const since = new Date(deps.clock.now().getTime() - deps.config.safety.crisisFollowUpMs);
  const event = await latestCrisisSince(deps.db, person.id, since);
  if (!event) return [];
  const resources = crisisResourcesFor(person.country);
  const lines = resources.lines.map(CRISIS_WORDS.en.line);
  const emergency = resources.emergency ? `the emergency number ${resources.emergency}` : 'their local emergency number';
  return [
    `Safety note: earlier in this conversation the person wrote about ${WHAT_HAPPENED[event.category] ?? 'a crisis'}. ` +
      'Stay warm, calm and supportive; do not judge, argue or lecture; keep replies short. ' +
      `Gently remind them that they can reach ${lines.length > 0 ? `${lines.join(' or ')}, or ` : ''}${emergency} if they are in danger, ` +
      'and encourage them to reach out to someone they trust. Never give information that could be used for self-harm.',
  ];
}
