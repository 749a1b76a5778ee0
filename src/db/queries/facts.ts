import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface FactRow {
  id: string;
  key_hash: Uint8Array;
  body_enc: Uint8Array;
  expires_at: Date | null;
  updated_at: Date;
}

/** The person's facts that have not faded by `now`, oldest first. */
export async function liveFacts(db: Kysely<Database>, personId: string, now: Date): Promise<FactRow[]> {
  return db
    .selectFrom('facts')
    .select(['id', 'key_hash', 'body_enc', 'expires_at', 'updated_at'])
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('updated_at')
    .execute();
}

/**
 * Inserts a fact, or replaces the one with the same topic. The row takes the new id too: the sealed
 * body's AAD is the id it was sealed for, so the two must change together.
 */
export async function upsertFact(
  db: Kysely<Database>,
  row: { id: string; person_id: string; key_hash: Buffer; body_enc: Buffer; expires_at: Date | null; now: Date },
): Promise<void> {
  const { now, ...fact } = row;
  await db
    .insertInto('facts')
    .values({ ...fact, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['person_id', 'key_hash']).doUpdateSet({
        id: sql.ref('excluded.id'),
        body_enc: sql.ref('excluded.body_enc'),
        expires_at: sql.ref('excluded.expires_at'),
        updated_at: sql.ref('excluded.updated_at'),
      }),
    )
    .execute();
}

export async function deleteFacts(db: Kysely<Database>, personId: string, keyHashes: Buffer[]): Promise<void> {
  if (keyHashes.length === 0) return;
  await db.deleteFrom('facts').where('person_id', '=', personId).where('key_hash', 'in', keyHashes).execute();
}

/** Drops faded facts and, past `keep`, the least recently updated ones: memory stays small and current. */
export async function pruneFacts(db: Kysely<Database>, personId: string, now: Date, keep: number): Promise<void> {
  await db.deleteFrom('facts').where('person_id', '=', personId).where('expires_at', '<=', now).execute();
  await db
    .deleteFrom('facts')
    .where('person_id', '=', personId)
    .where('id', 'not in', (eb) => eb.selectFrom('facts').select('id').where('person_id', '=', personId).orderBy('updated_at', 'desc').limit(keep))
    .execute();
}

/**
 * The fact-extraction call's model, tokens and cost, kept on the inbound message it read (its reply row
 * holds the reply's own). A set model also marks the message as extracted, so a re-run job is a no-op.
 */
export async function recordExtractionUsage(
  db: Kysely<Database>,
  messageId: string,
  usage: { model: string; prompt_tokens: number | null; completion_tokens: number | null; cost_usd: number | null },
): Promise<void> {
  await db.updateTable('messages').set(usage).where('id', '=', messageId).where('direction', '=', 'inbound').execute();
}
