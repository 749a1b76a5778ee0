import { createHmac, hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { aad, openSealedText, seal, type DataKey } from '../../crypto/envelope.js';
import { deleteFacts, liveFacts, pruneFacts, upsertFact } from '../../db/queries/facts.js';
import type { Deps } from '../../deps.js';
import { uuidv7 } from '../../util/id.js';

/** A small thing the person told us, kept across sessions. */
export const Fact = z.object({
  /** Topic, snake_case: "pregnancy", "diet", "allergy"… One fact per topic: a new one replaces the old. */
  key: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_]{0,39}$/),
  value: z.string().trim().min(1).max(200),
  /** stable: true until they say otherwise (a due date). current: a passing state that fades (a symptom). */
  kind: z.enum(['stable', 'current']).catch('stable'),
});
export type Fact = z.infer<typeof Fact>;

export interface StoredFact extends Fact {
  updatedAt: Date;
}

// Enough for what matters about a person; few enough to keep every prompt small.
export const MAX_FACTS_PER_PERSON = 20;

/**
 * Topic → HMAC under a key derived from the person's data key (never the data key itself): equal topics
 * give equal hashes for one person only, and crypto-shredding the data key makes them meaningless.
 */
function topicHash(dataKey: DataKey, key: string): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'switchboard fact topic', 32));
  return createHmac('sha256', macKey).update(key).digest();
}

/** The person's facts that have not faded, decrypted, oldest first. */
export async function loadFacts(deps: Deps, personId: string, dataKey: DataKey): Promise<StoredFact[]> {
  const rows = await liveFacts(deps.db, personId, deps.clock.now());
  return rows.map((row) => ({ ...Fact.parse(JSON.parse(openSealedText(dataKey, row.body_enc, aad.fact(row.id)))), updatedAt: row.updated_at }));
}

/** Facts as prompt lines, each dated so the model can tell "20 weeks pregnant" from three months ago. */
export function factLines(facts: StoredFact[]): string[] {
  return facts.map((f) => `${f.key.replace(/_/g, ' ')}: ${f.value} (${f.updatedAt.toISOString().slice(0, 10)})`);
}

/** Applies what an extraction found: new or changed facts sealed and upserted, forgotten ones deleted. */
export async function saveFacts(deps: Deps, personId: string, dataKey: DataKey, change: { facts: Fact[]; forget: string[] }): Promise<void> {
  const now = deps.clock.now();
  for (const fact of change.facts) {
    const id = uuidv7(now.getTime());
    await upsertFact(deps.db, {
      id,
      person_id: personId,
      key_hash: topicHash(dataKey, fact.key),
      body_enc: seal(dataKey, JSON.stringify(fact), aad.fact(id)),
      expires_at: fact.kind === 'current' ? new Date(now.getTime() + deps.config.memory.currentFactTtlMs) : null,
      now,
    });
  }
  await deleteFacts(deps.db, personId, change.forget.map((key) => topicHash(dataKey, key)));
  await pruneFacts(deps.db, personId, now, MAX_FACTS_PER_PERSON);
}
