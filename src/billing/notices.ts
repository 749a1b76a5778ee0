import { findLastServiceNumber } from '../db/queries/billing.js';
import { findPersonWithKey } from '../db/queries/people.js';
import type { ProviderName } from '../db/schema.js';
import { aad, seal, unwrapDataKey } from '../crypto/envelope.js';
import type { Deps } from '../deps.js';
import { uuidv7 } from '../util/id.js';

export type NoticeOutcome =
  | { kind: 'queued'; messageId: string }
  | { kind: 'already_sent' }
  | { kind: 'person_gone' }
  | { kind: 'no_service_number' };

/**
 * Texts a person something that answers no message of theirs (their subscription started or ended…),
 * at most once per `key`. It is an ordinary outbound message (reply_to_id null) sent by the `send` job,
 * so opt-out, retries and reconciliation apply as to any reply. It goes out from the number the person
 * last texted (else DEFAULT_SERVICE_NUMBER).
 */
export async function sendNotice(deps: Deps, input: { personId: string; key: string; text: string }): Promise<NoticeOutcome> {
  const person = await findPersonWithKey(deps.db, input.personId);
  if (!person || person.deleted_at) return { kind: 'person_gone' };
  const last = await findLastServiceNumber(deps.db, person.id);
  const origin = last ?? (deps.config.billing.defaultServiceNumber ? { service_number: deps.config.billing.defaultServiceNumber, provider: 'twilio' as ProviderName } : undefined);
  if (!origin) {
    deps.log.warn({ personId: person.id, notice: input.key }, 'no service number to text the person from; set DEFAULT_SERVICE_NUMBER');
    return { kind: 'no_service_number' };
  }

  const dataKey = unwrapDataKey(deps.config.keyring, person.id, person.key_id, person.wrapped_key);
  const now = deps.clock.now();
  const messageId = uuidv7(now.getTime());
  const queued = await deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('billing_notices')
      .values({ key: input.key, person_id: person.id, created_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return false;
    await trx
      .insertInto('messages')
      .values({
        id: messageId,
        person_id: person.id,
        channel: 'sms',
        direction: 'outbound',
        provider: origin.provider,
        provider_message_id: null,
        service_number: origin.service_number,
        reply_to_id: null,
        body_enc: seal(dataKey, input.text, aad.messageBody(messageId)),
        status: 'queued',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.updateTable('billing_notices').set({ message_id: messageId }).where('key', '=', input.key).execute();
    return true;
  });
  if (!queued) return { kind: 'already_sent' };
  // Committed first: if this add is lost, the sweep finds the queued message and sends it.
  await deps.enqueue.send(messageId);
  return { kind: 'queued', messageId };
}
