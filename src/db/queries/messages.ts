import { sql, type Kysely, type Transaction } from 'kysely';
import type { Channel, Database, NewMessage, ProviderName } from '../schema.js';
import { OUTBOUND_RANK, outboundRankSql, type OutboundStatus } from '../message-status.js';

export interface InboundRow {
  id: string;
  person_id: string;
  channel: Channel;
  provider: ProviderName;
  provider_message_id: string;
  service_number: string;
  body_enc: Buffer;
  status: 'pending' | 'handled';
  created_at: Date;
}

/**
 * Inserts a batch of inbound messages in one statement; rows whose (provider, provider_message_id)
 * already exists are skipped, and the ids actually inserted are returned.
 *
 * The rows travel as one JSON parameter: the SQL text (and its parse) is the same for any batch size,
 * and JSON.stringify is native, where pg would build and escape an array literal per column character
 * by character (bytea as hex, dates as text) — measured as the largest cost of a batch on our side.
 */
export async function insertInboundMessages(db: Kysely<Database>, rows: InboundRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(
    rows.map((r) => [r.id, r.person_id, r.channel, r.provider, r.provider_message_id, r.service_number, r.body_enc.toString('base64'), r.status, r.created_at.toISOString()]),
  );
  const result = await sql<{ id: string }>`
    insert into messages (id, person_id, channel, direction, provider, provider_message_id, service_number, body_enc, status, created_at, updated_at)
    select (r->>0)::uuid, (r->>1)::uuid, r->>2, 'inbound', r->>3, r->>4, r->>5, decode(r->>6, 'base64'), r->>7, (r->>8)::timestamptz, (r->>8)::timestamptz
      from jsonb_array_elements(${json}::jsonb) as r
    on conflict (provider, provider_message_id) do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

export async function findMessage(db: Kysely<Database>, id: string) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person's latest messages before `before`, across SMS and voice, newest first (model: to leave canned replies out). */
export async function recentMessages(db: Kysely<Database>, personId: string, before: Date, limit: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'direction', 'channel', 'body_enc', 'created_at', 'model'])
    .where('person_id', '=', personId)
    .where('created_at', '<', before)
    .where('status', 'not in', ['canceled', 'failed', 'skipped'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function setMessageStatus(db: Kysely<Database> | Transaction<Database>, id: string, status: string, from?: string[]) {
  let query = db.updateTable('messages').set({ status, updated_at: sql`now()` }).where('id', '=', id);
  if (from) query = query.where('status', 'in', from);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Stores the reply to an inbound message and marks the inbound replied, atomically, in one statement
 * (data-modifying CTEs: one round trip instead of begin, insert, update, commit). The unique reply_to_id
 * makes a second run (a re-delivered job) keep the first reply; its id is returned either way.
 */
export async function saveReply(db: Kysely<Database> | Transaction<Database>, reply: NewMessage & { reply_to_id: string }): Promise<string> {
  const inserted = await db
    .with('inserted', (q) =>
      q.insertInto('messages').values(reply).onConflict((oc) => oc.column('reply_to_id').where('reply_to_id', 'is not', null).doNothing()).returning('id'),
    )
    .with('marked', (q) =>
      q.updateTable('messages').set({ status: 'replied', updated_at: sql`now()` }).where('id', '=', reply.reply_to_id).where('status', '=', 'pending').returning('id'),
    )
    .selectFrom('inserted')
    .select('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db.selectFrom('messages').select('id').where('reply_to_id', '=', reply.reply_to_id).executeTakeFirstOrThrow();
  return existing.id;
}

/**
 * Claims an outbound message for a provider call (queued → submitting). The opt-out check is part of the
 * same UPDATE, so a STOP committed before the claim always wins. False: already finished, or opted out.
 */
export async function claimForSend(db: Kysely<Database>, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ status: 'submitting', send_started_at: at, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'submitting'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('people').select('people.id').whereRef('people.id', '=', 'messages.person_id').where('people.opted_out_at', 'is not', null))),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Moves an outbound message forward (never back) and records the provider's id. Used by the send step
 * and by delivery-status callbacks, which may arrive before the send step has recorded anything.
 */
export async function advanceOutboundStatus(
  db: Kysely<Database>,
  where: { id: string } | { provider: Database['messages']['provider']; providerMessageId: string },
  update: { status: OutboundStatus; providerMessageId?: string; errorCode?: string | null },
): Promise<boolean> {
  let query = db
    .updateTable('messages')
    .set({
      status: update.status,
      provider_message_id: update.providerMessageId ? sql`coalesce(provider_message_id, ${update.providerMessageId})` : undefined,
      error_code: update.errorCode ?? undefined,
      updated_at: sql`now()`,
    })
    .where('direction', '=', 'outbound')
    .where(outboundRankSql(), '<', OUTBOUND_RANK[update.status]);
  query = 'id' in where
    ? query.where('id', '=', where.id)
    : query.where('provider', '=', where.provider).where('provider_message_id', '=', where.providerMessageId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Reverts a claim after a provider call that certainly did not send (an error response), so a retry resends. */
export async function releaseSendClaim(db: Kysely<Database>, id: string): Promise<void> {
  await setMessageStatus(db, id, 'queued', ['submitting']);
}

export interface WaitingMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  status: string;
}

/** Messages still waiting on a job after the grace period: their job was lost (Redis flushed, crash before enqueue). */
export async function findWaitingMessages(db: Kysely<Database>, olderThan: Date, limit: number): Promise<WaitingMessage[]> {
  return db
    .selectFrom('messages')
    .select(['id', 'direction', 'status'])
    .where('status', 'in', ['pending', 'queued', 'submitting'])
    // A voice reply is spoken by the call's own webhook, never sent: it must not get a `send` job.
    .where((eb) => eb.or([eb('direction', '=', 'inbound'), eb('channel', '=', 'sms')]))
    .where('created_at', '<', olderThan)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/**
 * How many texts the person sent in (since, until], counting no further than `cap` (the flood check only
 * needs to know whether there are more than its limit; the index on (person_id, created_at) keeps the
 * scan to those rows).
 */
export async function countRecentTexts(db: Kysely<Database>, input: { personId: string; since: Date; until: Date; cap: number }): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from (
      select 1 from messages
       where person_id = ${input.personId} and created_at > ${input.since} and created_at <= ${input.until}
         and direction = 'inbound' and channel = 'sms'
       limit ${input.cap}
    ) recent
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}
