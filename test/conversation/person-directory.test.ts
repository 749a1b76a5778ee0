import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

describe('person directory', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const optOutInDatabase = (id: string, at: Date | null) => h.deps.db.updateTable('people').set({ opted_out_at: at }).where('id', '=', id).execute();

  it('answers from the cache after the state is stale, and refreshes the state in the background', async () => {
    const phone = randomUsNumber();
    const first = await h.deps.people.resolve(phone);
    await optOutInDatabase(first.id, new Date());
    h.clock.advance(61_000);

    const stale = await h.deps.people.resolve(phone);
    expect(stale.optedOut).toBe(false);
    await h.deps.people.settled();
    expect((await h.deps.people.resolve(phone)).optedOut).toBe(true);
  });

  it('does not drop a message when the cache says opted out but the database says they opted back in', async () => {
    const phone = randomUsNumber();
    const person = await h.deps.people.resolve(phone);
    h.deps.people.patch(person.phoneHash, { optedOut: true }); // what this instance saw before a START elsewhere
    const res = await h.postSms({ from: phone, body: 'are you there?' });
    expect(res.status, await res.text()).toBe(200);
    await h.deps.inbox.drain();
    const stored = await h.deps.db.selectFrom('messages').select('status').where('person_id', '=', person.id).execute();
    expect(stored).toEqual([{ status: 'pending' }]);
    expect((await h.deps.people.resolve(phone)).optedOut).toBe(false);
  });

  it('drops the message when the database confirms the opt-out', async () => {
    const phone = randomUsNumber();
    const person = await h.deps.people.resolve(phone);
    await optOutInDatabase(person.id, new Date());
    h.deps.people.patch(person.phoneHash, { optedOut: true });
    await h.postSms({ from: phone, body: 'hello again' });
    await h.deps.inbox.drain();
    expect(await h.deps.db.selectFrom('messages').select('id').where('person_id', '=', person.id).execute()).toEqual([]);
  });
});
