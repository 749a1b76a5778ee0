import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types. Nothing readable about a person is stored in clear except country and locale: numbers
 * are an HMAC (lookup) plus a ciphertext (sending), bodies are ciphertexts under the person's data key.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface PeopleTable {
  id: string;
  phone_hash: Bytes;
  phone_enc: Bytes;
  country: string | null;
  locale: string | null;
  opted_out_at: NullableTimestamp;
  disclosed_at: NullableTimestamp;
  created_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface DataKeysTable {
  person_id: string;
  key_id: string;
  wrapped_key: Bytes;
  created_at: Timestamp;
}

export type Channel = 'sms' | 'voice';
export type Direction = 'inbound' | 'outbound';
export type ProviderName = 'twilio' | 'telnyx' | 'console';

export interface MessagesTable {
  id: string;
  person_id: string;
  channel: Channel;
  direction: Direction;
  provider: ProviderName;
  /** Provider's id (Twilio MessageSid); unique per provider, the dedupe key for inbound webhooks. */
  provider_message_id: string | null;
  /** Our own number the person wrote to; replies go out from it. The operator's number, not the person's. */
  service_number: string;
  /** For an outbound reply, the inbound message it answers (unique: one reply per message). */
  reply_to_id: string | null;
  body_enc: Bytes;
  status: string;
  error_code: string | null;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  send_started_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrisisEventsTable {
  id: string;
  person_id: string;
  message_id: string | null;
  channel: Channel;
  category: string;
  confidence: number;
  alerted_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface Database {
  people: PeopleTable;
  data_keys: DataKeysTable;
  messages: MessagesTable;
  crisis_events: CrisisEventsTable;
}

export type Person = Selectable<PeopleTable>;
export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type { Generated };
