import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { aad, generateDataKey, seal, unwrapDataKey, wrapDataKey, type DataKey } from '../crypto/envelope.js';
import type { Keyring } from '../crypto/keyring.js';
import { hashPhone } from '../crypto/phone.js';
import { findOrCreatePerson, findPeopleState, type PersonKeyRow, type PersonStateRow } from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import { countryOf } from '../util/e164.js';
import { createBatcher } from '../util/batcher.js';
import { uuidv7 } from '../util/id.js';

export interface KnownPerson {
  id: string;
  phoneHash: Buffer;
  dataKey: DataKey;
  optedOut: boolean;
  locale: string | null;
  country: string | null;
  /** True when this lookup created the person (their first message). */
  created: boolean;
}

/**
 * Phone number → person, with their unwrapped data key, for the webhook path. A hit costs no round trip;
 * a miss costs one (find-or-create in a single statement).
 *
 * Identity and key never change, so an entry only leaves by LRU eviction, or when a refresh finds the
 * person erased. The changeable part (opted out, locale) is refreshed when older than `ttlMs`, in the
 * background and batched, never on the request path: an expiry-driven miss per sender (the first design)
 * made a burst of lookups every minute for every busy sender at once. A stale "opted in" is harmless (the reply and send steps re-check in the database);
 * a stale "opted out" would drop a message, so a drop first calls `confirm`.
 */
export interface PersonDirectory {
  resolve(phone: string): Promise<KnownPerson>;
  /** Re-reads opt-out and locale from the database (and the cache): before a decision that cannot be undone. */
  confirm(person: KnownPerson): Promise<KnownPerson>;
  /** Updates a cached entry after this instance changed the person (STOP, locale…). */
  patch(phoneHash: Buffer, change: Partial<Pick<KnownPerson, 'optedOut' | 'locale'>>): void;
  hash(phone: string): Buffer;
  /** Resolves when background refreshes started so far have finished (tests, shutdown). */
  settled(): Promise<void>;
}

export interface PersonDirectoryOptions {
  db: Kysely<Database>;
  keyring: Keyring;
  phoneHashKey: Buffer;
  clock: Clock;
  /** How old the cached opt-out state may get before a background refresh. */
  ttlMs?: number;
  maxEntries?: number;
}

interface Entry {
  person: KnownPerson;
  checkedAt: number;
  refreshing: boolean;
}

export function createPersonDirectory(options: PersonDirectoryOptions): PersonDirectory {
  const { db, keyring, phoneHashKey, clock } = options;
  const ttlMs = options.ttlMs ?? 60_000;
  // ~200 bytes an entry: 50k entries is ~10 MB, enough for every active sender of a large line.
  const maxEntries = options.maxEntries ?? 50_000;
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<KnownPerson>>();
  const states = createBatcher<string, PersonStateRow | undefined>({
    maxBatch: 500,
    maxInFlight: 1,
    run: async (ids) => {
      const rows = new Map((await findPeopleState(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id));
    },
  });

  const remember = (key: string, person: KnownPerson) => {
    cache.delete(key);
    cache.set(key, { person: { ...person, created: false }, checkedAt: clock.now().getTime(), refreshing: false });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  };

  const applyState = (key: string, personId: string, state: PersonStateRow | undefined) => {
    const entry = cache.get(key);
    if (!entry || entry.person.id !== personId) return;
    // No row: the person was erased. Forget them, so the number's next message makes a new person.
    if (!state) {
      cache.delete(key);
      return;
    }
    entry.person = { ...entry.person, optedOut: state.opted_out_at !== null, locale: state.locale };
    entry.checkedAt = clock.now().getTime();
  };

  const refreshInBackground = (key: string, entry: Entry) => {
    entry.refreshing = true;
    states
      .submit(entry.person.id)
      .then((state) => applyState(key, entry.person.id, state))
      // A failed refresh keeps the old state; the next request after the TTL tries again.
      .catch(() => undefined)
      .finally(() => {
        entry.refreshing = false;
      });
  };

  const toPerson = (row: PersonKeyRow, phoneHash: Buffer): KnownPerson => ({
    id: row.id,
    phoneHash,
    dataKey: unwrapDataKey(keyring, row.id, row.key_id, row.wrapped_key),
    optedOut: row.opted_out_at !== null,
    locale: row.locale,
    country: row.country,
    created: row.created,
  });

  const load = async (phone: string, phoneHash: Buffer): Promise<KnownPerson> => {
    const id = uuidv7(clock.now().getTime());
    const dataKey = generateDataKey();
    const { keyId, wrapped } = wrapDataKey(keyring, id, dataKey);
    const row = {
      id,
      phoneHash,
      phoneEnc: seal(dataKey, phone, aad.phone(id)),
      country: countryOf(phone) ?? null,
      keyId,
      wrappedKey: wrapped,
    };
    // A second try covers the one race the statement cannot: another instance created them after our snapshot.
    const found = (await findOrCreatePerson(db, row)) ?? (await findOrCreatePerson(db, row));
    if (!found) throw new Error('person could not be found or created');
    return toPerson(found, phoneHash);
  };

  return {
    hash: (phone) => hashPhone(phoneHashKey, phone),

    async resolve(phone) {
      const phoneHash = hashPhone(phoneHashKey, phone);
      const key = phoneHash.toString('base64');
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        if (!hit.refreshing && clock.now().getTime() - hit.checkedAt > ttlMs) refreshInBackground(key, hit);
        return hit.person;
      }
      const pending = inFlight.get(key);
      if (pending) return { ...(await pending), created: false };
      const loading = load(phone, phoneHash).finally(() => inFlight.delete(key));
      inFlight.set(key, loading);
      const person = await loading;
      remember(key, person);
      return person;
    },

    async confirm(person) {
      const state = await states.submit(person.id);
      applyState(person.phoneHash.toString('base64'), person.id, state);
      return state ? { ...person, optedOut: state.opted_out_at !== null, locale: state.locale } : person;
    },

    patch(phoneHash, change) {
      const entry = cache.get(phoneHash.toString('base64'));
      if (entry) entry.person = { ...entry.person, ...change };
    },

    settled: () => states.drain(),
  };
}
