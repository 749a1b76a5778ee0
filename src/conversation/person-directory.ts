import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { aad, generateDataKey, seal, unwrapDataKey, wrapDataKey, type DataKey } from '../crypto/envelope.js';
import type { Keyring } from '../crypto/keyring.js';
import { hashPhone } from '../crypto/phone.js';
import { findOrCreatePerson, type PersonKeyRow } from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import { countryOf } from '../util/e164.js';
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
 * a miss costs one (find-or-create in a single statement). Entries live a minute: long enough that a
 * busy sender is a hit, short enough that an opt-out made on another instance is seen soon (and the send
 * step re-checks opt-out in the database anyway, so a stale entry can never cause a send).
 */
export interface PersonDirectory {
  resolve(phone: string): Promise<KnownPerson>;
  /** Updates a cached entry after this instance changed the person (STOP, locale…). */
  patch(phoneHash: Buffer, change: Partial<Pick<KnownPerson, 'optedOut' | 'locale'>>): void;
  hash(phone: string): Buffer;
}

export interface PersonDirectoryOptions {
  db: Kysely<Database>;
  keyring: Keyring;
  phoneHashKey: Buffer;
  clock: Clock;
  ttlMs?: number;
  maxEntries?: number;
}

interface Entry {
  person: KnownPerson;
  expiresAt: number;
}

export function createPersonDirectory(options: PersonDirectoryOptions): PersonDirectory {
  const { db, keyring, phoneHashKey, clock } = options;
  const ttlMs = options.ttlMs ?? 60_000;
  // ~200 bytes an entry: 50k entries is ~10 MB, enough for every active sender of a large line.
  const maxEntries = options.maxEntries ?? 50_000;
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<KnownPerson>>();

  const remember = (key: string, person: KnownPerson) => {
    cache.delete(key);
    cache.set(key, { person: { ...person, created: false }, expiresAt: clock.now().getTime() + ttlMs });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
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
      if (hit && hit.expiresAt > clock.now().getTime()) {
        cache.delete(key);
        cache.set(key, hit);
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

    patch(phoneHash, change) {
      const entry = cache.get(phoneHash.toString('base64'));
      if (entry) entry.person = { ...entry.person, ...change };
    },
  };
}
