import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ProviderName } from '../schema.js';

/**
 * Call lifecycle, forward only: queued/initiated → ringing → in-progress → one final status. A late or
 * repeated callback (Twilio retries, and callbacks can cross on the wire) never moves a call backwards.
 */
export const CALL_STATUS_RANK = {
  queued: 0,
  initiated: 0,
  ringing: 1,
  'in-progress': 2,
  completed: 3,
  busy: 3,
  failed: 3,
  'no-answer': 3,
  canceled: 3,
} as const;
export type CallStatus = keyof typeof CALL_STATUS_RANK;
export const FINAL_RANK = 3;

export const isCallStatus = (value: string): value is CallStatus => Object.hasOwn(CALL_STATUS_RANK, value);

function rankSql(column: RawBuilder<unknown>): RawBuilder<number> {
  const cases = Object.entries(CALL_STATUS_RANK).map(([status, rank]) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`);
  return sql<number>`(case ${column} ${sql.join(cases, sql` `)} else -1 end)`;
}

export interface CallEvent {
  provider: ProviderName;
  callSid: string;
  status: CallStatus;
  at: Date;
  /** Known on the incoming-call webhook; a status callback for an unseen call may not know it. */
  personId?: string | null;
  serviceNumber: string;
  language: string;
  durationS?: number;
}

/**
 * Records a call event in one statement: creates the call if unseen, else moves its status forward (never
 * back), stamps the end once, and keeps the first duration. True when something changed.
 */
export async function recordCallEvent(db: Kysely<Database>, event: CallEvent): Promise<boolean> {
  const final = CALL_STATUS_RANK[event.status] === FINAL_RANK;
  const current = rankSql(sql.ref('calls.status'));
  const next = rankSql(sql.ref('excluded.status'));
  const result = await db
    .insertInto('calls')
    .values({
      provider: event.provider,
      call_sid: event.callSid,
      person_id: event.personId ?? null,
      service_number: event.serviceNumber,
      language: event.language,
      status: event.status,
      // A call first seen at its end (the start webhook failed or raced): its start is the end minus its length.
      started_at: final && event.durationS !== undefined ? new Date(event.at.getTime() - event.durationS * 1000) : event.at,
      ended_at: final ? event.at : null,
      duration_s: event.durationS ?? null,
      created_at: event.at,
      updated_at: event.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['provider', 'call_sid'])
        .doUpdateSet({
          status: sql`excluded.status`,
          person_id: sql`coalesce(calls.person_id, excluded.person_id)`,
          ended_at: sql`coalesce(calls.ended_at, excluded.ended_at)`,
          duration_s: sql`coalesce(calls.duration_s, excluded.duration_s)`,
          updated_at: sql`excluded.updated_at`,
        })
        .where(current, '<', next),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** One more conversation turn on this call (called once per stored utterance: dedupe happens before). */
export async function countCallTurn(db: Kysely<Database>, provider: ProviderName, callSid: string, at: Date): Promise<void> {
  await db
    .updateTable('calls')
    .set((eb) => ({ turns: eb('turns', '+', 1), updated_at: at }))
    .where('provider', '=', provider)
    .where('call_sid', '=', callSid)
    .execute();
}

export async function setCallLanguage(db: Kysely<Database>, provider: ProviderName, callSid: string, language: string, at: Date): Promise<void> {
  await db.updateTable('calls').set({ language, updated_at: at }).where('provider', '=', provider).where('call_sid', '=', callSid).execute();
}

export async function findCall(db: Kysely<Database>, provider: ProviderName, callSid: string) {
  return db.selectFrom('calls').selectAll().where('provider', '=', provider).where('call_sid', '=', callSid).executeTakeFirst();
}
