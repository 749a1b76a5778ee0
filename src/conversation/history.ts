import { aad, openSealedText, type DataKey } from '../crypto/envelope.js';
import { recentMessages } from '../db/queries/messages.js';
import type { Deps } from '../deps.js';
import type { HistoryTurn } from '../llm/prompt.js';
import { CANNED_MODEL } from './answer.js';

/**
 * Short-term memory: the turns of the current session before `before`, across SMS and voice (one person,
 * one conversation), decrypted, oldest first. A session ends after SESSION_IDLE_MS of silence: a
 * message after such a gap starts with no history (long-term facts still apply).
 */
export async function loadHistory(deps: Deps, personId: string, dataKey: DataKey, before: Date): Promise<HistoryTurn[]> {
  const rows = await recentMessages(deps.db, personId, before, deps.config.llm.historyMessages);
  const session: typeof rows = [];
  let after = before.getTime();
  for (const row of rows) {
    if (after - row.created_at.getTime() > deps.config.memory.sessionIdleMs) break;
    session.push(row);
    after = row.created_at.getTime();
  }
  return session
    .reverse()
    // A canned "try again later" teaches the model nothing and it tends to imitate it: leave it out.
    .filter((row) => row.model !== CANNED_MODEL)
    .map((row) => ({ direction: row.direction, text: openSealedText(dataKey, row.body_enc, aad.messageBody(row.id)) }));
}
