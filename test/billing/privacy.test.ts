import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingHarness, type BillingHarness } from '../helpers/billing-harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';

describe('billing privacy', () => {
  let h: BillingHarness;
  const phone = '+15557650001';
  const phoneForms = [phone, phone.slice(1), phone.slice(-7)];
  // What Stripe puts in a completed Checkout session about the payer.
  const payer = { email: 'zelda.quux@example.com', name: 'Zelda Quux', phone: '+447700900123' };

  beforeAll(async () => {
    h = await createBillingHarness();
    await h.startWorkers();
    await h.postSms({ from: phone, body: 'UPGRADE' });
    const session = [...h.stripe.sessions.values()].at(-1)!;
    const { session: completed } = h.stripe.completeCheckout(session.id as string);
    const { id } = await h.sendEvent('checkout.session.completed', { ...completed, customer_details: { ...payer, address: { country: 'US' } }, customer_email: payer.email });
    await h.waitForStripeJob(id);
    await waitForQueuesIdle(h);
  });
  afterAll(() => h.close());

  it('never sends the phone number to Stripe', () => {
    expect(h.stripe.requests.length).toBeGreaterThan(2);
    for (const request of h.stripe.requests) for (const form of [...phoneForms, encodeURIComponent(phone)]) expect(request.raw).not.toContain(form);
  });

  it('keeps nothing readable about the payer from the Stripe event in any table', async () => {
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = ${h.schema.name}`.execute(h.deps.db);
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(h.deps.db);
      for (const row of rows.rows) dump += `${JSON.stringify(row, (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v))}\n`;
    }
    expect(dump).toContain('checkout.session.completed');
    for (const secret of [payer.email, 'Zelda', payer.phone, payer.phone.slice(1), ...phoneForms]) expect(dump).not.toContain(secret);
  });

  it('logs no number, name or email', () => {
    for (const secret of [payer.email, 'Zelda', payer.phone.slice(1), ...phoneForms]) expect(h.logs.text()).not.toContain(secret);
  });
});
