import { countRecentTexts, setMessageStatus } from '../db/queries/messages.js';
import type { Message } from '../db/schema.js';
import type { Deps } from '../deps.js';

/**
 * Stops the assistant answering a flood of texts from one number: above FLOOD_MAX_MESSAGES in
 * FLOOD_WINDOW_MS, further texts are stored and skipped, with no LLM call and no reply, until the pace
 * drops. The case it exists for is a reply loop with another automated number (their auto-reply answers
 * ours, ours answers theirs…), which would otherwise run up model and SMS costs without end; silence is
 * what breaks a loop, so there is no notice. A person texting as fast as they read is far below the
 * limit, and crisis messages and commands are answered in the webhook, never here.
 *
 * Counted up to this message's own time, so a re-run of the job decides the same way.
 */
export async function skipIfFlooding(deps: Deps, message: Pick<Message, 'id' | 'person_id' | 'channel' | 'created_at'>): Promise<boolean> {
  const { maxMessages, windowMs } = deps.config.flood;
  if (message.channel !== 'sms' || maxMessages === 0) return false;
  const recent = await countRecentTexts(deps.db, {
    personId: message.person_id,
    since: new Date(message.created_at.getTime() - windowMs),
    until: message.created_at,
    cap: maxMessages + 1,
  });
  if (recent <= maxMessages) return false;
  await setMessageStatus(deps.db, message.id, 'skipped', ['pending']);
  return true;
}
