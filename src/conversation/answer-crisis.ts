import { insertCrisisEvent } from '../db/queries/crisis-events.js';
import type { Deps } from '../deps.js';
import { enqueueCrisisAlert } from '../safety/crisis-alert.js';
import type { CrisisDetection } from '../safety/crisis-detector.js';
import { composeCrisisReply, type CrisisReply } from '../safety/crisis-reply.js';
import { uuidv7 } from '../util/id.js';
import { resolveLanguage } from '../util/language.js';
import { isOptOutRequest } from './commands/opt-out-request.js';
import { optOut, optOutConfirmation } from './commands/opt-out.js';
import type { InboundMessage } from './inbound.js';
import type { KnownPerson } from './person-directory.js';

/**
 * The crisis path, inside the webhook: the fixed caring reply with the caller's country's lines (no LLM,
 * no quota, no rate limit), a `crisis_events` row (category and confidence, never text) and an alert job
 * for the operator. Bookkeeping failures are logged and never stand between the person and the reply.
 */
export async function answerCrisis(
  deps: Deps,
  { person, input, messageId, detection }: { person: KnownPerson; input: InboundMessage; messageId: string; detection: CrisisDetection },
): Promise<CrisisReply> {
  const language = detection.language ?? resolveLanguage({ locale: person.locale, text: input.body, country: person.country });
  const reply = composeCrisisReply({ category: detection.category, language, country: person.country, channel: input.channel });
  const eventId = uuidv7(deps.clock.now().getTime());
  const fields = { messageId, crisisEventId: eventId, category: detection.category, confidence: detection.confidence };

  try {
    await insertCrisisEvent(deps.db, { id: eventId, person_id: person.id, message_id: messageId, channel: input.channel, category: detection.category, confidence: detection.confidence, created_at: deps.clock.now() });
    enqueueCrisisAlert(deps, eventId).catch((error: Error) => deps.log.warn({ ...fields, err: error.message }, 'crisis alert enqueue failed; the alert sweep will retry'));
  } catch (error) {
    deps.log.error({ ...fields, err: (error as Error).message }, 'crisis event could not be recorded');
  }
  deps.log.warn(fields, 'crisis detected; answered with crisis resources');

  // "Stop texting me, I want to die": the resources go out, and the opt-out is honoured too.
  if (input.channel === 'sms' && isOptOutRequest(input.body) && (await optOut(deps, person))) {
    return { text: `${reply.text}\n\n${optOutConfirmation(deps, language)}` };
  }
  return reply;
}
