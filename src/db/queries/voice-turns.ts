import type { Kysely } from 'kysely';
import type { Database, ProviderName } from '../schema.js';

/** A voice turn's inbound message (found by the provider's dedupe key: call SID + turn) with its reply, if any. */
export interface TurnRow {
  id: string;
  person_id: string;
  status: string;
  created_at: Date;
  reply_id: string | null;
  reply_body_enc: Uint8Array | null;
}

const turnQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('messages as i')
    .leftJoin('messages as r', 'r.reply_to_id', 'i.id')
    .select(['i.id', 'i.person_id', 'i.status', 'i.created_at', 'r.id as reply_id', 'r.body_enc as reply_body_enc'])
    .where('i.direction', '=', 'inbound');

export async function findTurnById(db: Kysely<Database>, messageId: string): Promise<TurnRow | undefined> {
  return turnQuery(db).where('i.id', '=', messageId).executeTakeFirst();
}

export async function findTurnByProviderId(db: Kysely<Database>, provider: ProviderName, providerMessageId: string): Promise<TurnRow | undefined> {
  return turnQuery(db).where('i.provider', '=', provider).where('i.provider_message_id', '=', providerMessageId).executeTakeFirst();
}

/** A voice reply was spoken to the caller: nothing else may deliver it (forward only, like SMS statuses). */
export async function markReplySpoken(db: Kysely<Database>, replyId: string, at: Date): Promise<void> {
  await db.updateTable('messages').set({ status: 'delivered', updated_at: at }).where('id', '=', replyId).where('status', '=', 'queued').execute();
}
