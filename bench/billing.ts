/**
 * Billing benchmark: the quota charge (the extra statement each SMS reply pays) and the Stripe webhook
 * ack, against the real Postgres and Redis on this machine. In-process (app.request): no network stack,
 * so the figures are the service's own cost.
 *
 *   npx tsx bench/billing.ts            BENCH_DATABASE_URL / REDIS_URL override the local defaults
 */
import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { consumeQuota } from '../src/billing/quota.js';
import { seedPlans } from '../src/billing/seed.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildDeps, closeDeps } from '../src/deps.js';
import { createApp } from '../src/http/app.js';
import { createLog } from '../src/log.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONCURRENCY = 32;
const WEBHOOK_SECRET = 'whsec_bench';

async function run<T>(count: number, task: (i: number) => Promise<T>) {
  const latencies: number[] = [];
  const results: T[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      results[i] = await task(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2);
  return { results, summary: `${count} in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)}/s; p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms` };
}

const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: DATABASE_URL });
await admin.connect();
await admin.query(`create schema ${schema}`);
const url = new URL(DATABASE_URL);
url.searchParams.set('options', `-c search_path=${schema}`);
const config = loadConfig({
  NODE_ENV: 'test', DATABASE_URL: url.toString(), DATABASE_POOL_MAX: '16', QUEUE_PREFIX: schema, PUBLIC_URL: 'https://bench.test',
  STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_PRICE_PREMIUM: 'price_bench',
  REDIS_URL: process.env.REDIS_URL,
});
const deps = await buildDeps(config, { log: createLog('silent') });
try {
  await migrateToLatest(deps.db);
  await seedPlans(deps.db, config);
  const people = await Promise.all(Array.from({ length: 100 }, (_, i) => deps.people.resolve(`+1555${String(2_000_000 + i)}`)));

  const spread = await run(4_000, (i) => consumeQuota(deps, { personId: people[i % people.length]!.id, feature: 'sms_chat', chargeKey: `s-${i}` }));
  console.log(`quota charge, 100 people, concurrency ${CONCURRENCY}: ${spread.summary}`);

  await deps.db.updateTable('plan_features').set({ usage_limit: 1_000 }).where('plan_id', '=', 'free').where('feature_key', '=', 'sms_chat').execute();
  const hot = people[0]!.id;
  await deps.db.deleteFrom('feature_usage').where('person_id', '=', hot).execute();
  const contended = await run(2_000, (i) => consumeQuota(deps, { personId: hot, feature: 'sms_chat', chargeKey: `h-${i}` }));
  const admitted = contended.results.filter((d) => d.allowed).length;
  console.log(`quota charge, one person, limit 1000, 2000 charges: ${contended.summary}; admitted ${admitted}`);

  const app = createApp(deps);
  const webhook = await run(2_000, async (i) => {
    const body = JSON.stringify({ id: `evt_bench_${i}_${schema}`, object: 'event', type: 'customer.subscription.updated', livemode: false, created: Math.floor(Date.now() / 1000), data: { object: { id: `sub_${i}`, object: 'subscription', customer: `cus_${i}`, metadata: {} } } });
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},v1=${createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${body}`).digest('hex')}`;
    const res = await app.request('/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  });
  console.log(`POST /stripe/webhook ack (verify, store, enqueue): ${webhook.summary}`);
} finally {
  await deps.queues.stripe.obliterate({ force: true });
  await closeDeps(deps);
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
