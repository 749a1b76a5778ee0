import type { Channel } from '../db/schema.js';
import type { Language } from '../util/language.js';
import type { CrisisCategory } from './crisis-phrases.js';
import { CRISIS_WORDS } from './crisis-texts.js';
import { crisisResourcesFor } from './hotlines.js';

export interface CrisisReply {
  text: string;
  /** Voice only: a hotline the call can be bridged to (never for a medical emergency: that is the emergency number's job). */
  dial?: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The answer to a crisis message, fixed text (no LLM): a caring opening, then who to contact now for the
 * caller's country: crisis lines and the emergency number, or for a medical emergency the emergency
 * number first and alone.
 */
export function composeCrisisReply(input: { category: CrisisCategory; language: Language; country: string | null; channel: Channel }): CrisisReply {
  const words = CRISIS_WORDS[input.language];
  const resources = crisisResourcesFor(input.country);
  const call = words.callEmergency(resources.emergency);
  const parts = [words.opening[input.category]];

  if (input.category === 'medical') {
    parts.push(capitalize(words.medical.replace('{call}', call)));
    return { text: parts.join(' ') };
  }
  if (resources.lines.length > 0) parts.push(words.reachOut.replace('{lines}', resources.lines.map(words.line).join('; ')));
  parts.push(words.danger.replace('{call}', call), words.stayInTouch);

  const hotline = resources.lines.find((line) => line.how !== 'text');
  if (input.channel === 'voice' && resources.dial && hotline) {
    parts.push(words.connect.replace('{name}', hotline.name));
    return { text: parts.join(' '), dial: resources.dial };
  }
  return { text: parts.join(' ') };
}
