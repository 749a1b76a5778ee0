import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';

const LIMIT = 5;
const WINDOW_MS = 600_000;

describe('flood guard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { FLOOD_MAX_MESSAGES: String(LIMIT), FLOOD_WINDOW_MS: String(WINDOW_MS), FACTS_ENABLED: 'false' } });
    h.openai.setFallbackBehaviour({ kind: 'text', text: 'An answer.' });
    await h.startWorkers();
  });
  afterAll(() => h.close());

  const repliesTo = (phone: string) => h.twilio.sent.filter((m) => m.to === phone).length;
  const statuses = async (phone: string) => {
    const person = await h.deps.people.resolve(phone);
    const rows = await h.deps.db.selectFrom('messages').select('status').where('person_id', '=', person.id).where('direction', '=', 'inbound').orderBy('created_at').execute();
    return rows.map((r) => r.status);
  };

  it('answers the first texts of a burst, stores the rest unanswered without calling the model, and answers again once the pace drops', async () => {
    const looping = randomUsNumber();
    const llmCallsBefore = h.openai.requests.length;
    for (let i = 0; i < LIMIT + 3; i++) expect((await h.postSms({ from: looping, body: `Auto-reply ${i}: thanks for your message!` })).status).toBe(200);
    await waitForQueuesIdle(h);
    expect(repliesTo(looping)).toBe(LIMIT);
    expect(h.openai.requests.length - llmCallsBefore).toBe(LIMIT);
    expect(await statuses(looping)).toEqual([...Array<string>(LIMIT).fill('replied'), 'skipped', 'skipped', 'skipped']);

    // Someone else texting meanwhile is answered as usual.
    const other = randomUsNumber();
    await h.postSms({ from: other, body: 'hello' });
    await waitForQueuesIdle(h);
    expect(repliesTo(other)).toBe(1);

    // A window later the burst no longer counts.
    h.clock.advance(WINDOW_MS + 1);
    await h.postSms({ from: looping, body: 'are you there?' });
    await waitForQueuesIdle(h);
    expect(repliesTo(looping)).toBe(LIMIT + 1);
  });

  it('still answers a crisis in the middle of a flood, in the webhook', async () => {
    const phone = randomUsNumber();
    for (let i = 0; i < LIMIT + 1; i++) await h.postSms({ from: phone, body: `message ${i}` });
    const res = await h.postSms({ from: phone, body: 'I want to kill myself' });
    expect(await res.text()).toContain('988');
    await waitForQueuesIdle(h);
  });
});
