/**
 * Master keys from ENCRYPTION_KEYS=`kid:base64key,kid2:base64key`. The first is active (wraps new data
 * keys); the others still unwrap old ones, so keys can rotate without rewriting history.
 */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

export interface Keyring {
  readonly active: MasterKey;
  get(id: string): MasterKey | undefined;
}

export function parseKeyring(spec: string): Keyring {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): MasterKey => {
      const sep = part.indexOf(':');
      const id = sep > 0 ? part.slice(0, sep) : '';
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(id)) throw new Error('ENCRYPTION_KEYS: each entry must look like kid:base64key');
      const key = Buffer.from(part.slice(sep + 1), 'base64');
      if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes of base64`);
      return { id, key };
    });
  const [active] = keys;
  if (!active) throw new Error('ENCRYPTION_KEYS: at least one key is required');
  const byId = new Map(keys.map((k) => [k.id, k]));
  if (byId.size !== keys.length) throw new Error('ENCRYPTION_KEYS: key ids must be unique');
  return { active, get: (id) => byId.get(id) };
}
