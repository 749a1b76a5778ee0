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

export type PlanPeriod = 'day' | 'week' | 'month';

export interface PlansTable {
  id: string;
  name: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  stripe_price_id: string | null;
  created_at: Timestamp;
}

export interface FeaturesTable {
  key: string;
  description: string;
}

export interface PlanFeaturesTable {
  plan_id: string;
  feature_key: string;
  /** Null: unlimited. */
  usage_limit: number | null;
  period: PlanPeriod;
}

export interface FeatureUsageTable {
  person_id: string;
  feature_key: string;
  period_start: Timestamp;
  used: ColumnType<number, number | undefined, number>;
  over_quota_notice_at: NullableTimestamp;
}

export interface QuotaChargesTable {
  charge_key: string;
  person_id: string;
  feature_key: string;
  admitted: boolean;
  created_at: Timestamp;
}

export interface BillingCustomersTable {
  person_id: string;
  stripe_customer_id: string;
  created_at: Timestamp;
}

export interface SubscriptionsTable {
  stripe_subscription_id: string;
  person_id: string;
  stripe_customer_id: string;
  plan_id: string | null;
  /** Stripe's status: active, trialing, past_due, canceled, incomplete, incomplete_expired, unpaid, paused. */
  status: string;
  cancel_at_period_end: boolean;
  current_period_start: NullableTimestamp;
  current_period_end: NullableTimestamp;
  livemode: boolean;
  synced_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Long-term memory. Topic and fact are sealed (see migrations/0030_facts.ts); only timing is in clear. */
export interface FactsTable {
  id: string;
  person_id: string;
  /** HMAC of the fact's topic under a key derived from the person's data key: finds "the same fact" for upserts. */
  key_hash: Bytes;
  /** Sealed JSON { key, value, kind } under the person's data key, AAD = fact row id. */
  body_enc: Bytes;
  /** Null for a stable fact; a passing one (a symptom) fades at this time. */
  expires_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type StripeEventStatus = 'received' | 'processed' | 'ignored' | 'unmatched' | 'failed';

export interface StripeEventsTable {
  id: string;
  type: string;
  livemode: boolean;
  stripe_created_at: Timestamp;
  data: ColumnType<Record<string, unknown>, string, string>;
  status: StripeEventStatus;
  note: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  received_at: Timestamp;
  processed_at: NullableTimestamp;
}

export interface BillingNoticesTable {
  key: string;
  person_id: string;
  message_id: string | null;
  created_at: Timestamp;
}

export interface CallsTable {
  provider: ProviderName;
  /** The provider's call id (Twilio CallSid). */
  call_sid: string;
  person_id: string | null;
  service_number: string;
  /** The language the call is spoken in (en, es, fr, pt, de); changes when the caller asks. */
  language: string;
  /** queued | ringing | in-progress | completed | busy | failed | no-answer | canceled; only moves forward. */
  status: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  duration_s: number | null;
  turns: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  people: PeopleTable;
  data_keys: DataKeysTable;
  messages: MessagesTable;
  plans: PlansTable;
  features: FeaturesTable;
  plan_features: PlanFeaturesTable;
  feature_usage: FeatureUsageTable;
  quota_charges: QuotaChargesTable;
  billing_customers: BillingCustomersTable;
  subscriptions: SubscriptionsTable;
  stripe_events: StripeEventsTable;
  billing_notices: BillingNoticesTable;
  facts: FactsTable;
  calls: CallsTable;
  crisis_events: CrisisEventsTable;
}

export type Person = Selectable<PeopleTable>;
export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type { Generated };
