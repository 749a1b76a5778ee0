import { aad, openSealedText, type DataKey } from '../crypto/envelope.js';
import { recentMessages } from '../db/queries/messages.js';
import type { Deps } from '../deps.js';
import type { HistoryTurn } from '../llm/prompt.js';

/** The person's recent turns before `before`, across SMS and voice, decrypted, oldest first. */
export async function loadHistory(deps: Deps, personId: string, dataKey: DataKey, before: Date): Promise<HistoryTurn[]> {
  const rows = await recentMessages(deps.db, personId, before, deps.config.llm.historyMessages);
  return rows.reverse().map((row) => ({ direction: row.direction, text: openSealedText(dataKey, row.body_enc, aad.messageBody(row.id)) }));
}
