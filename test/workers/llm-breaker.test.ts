import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeps, closeDeps, type Deps } from '../../src/deps.js';
import { cannedReply } from '../../src/llm/canned.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { waitForQueuesIdle } from '../helpers/queues.js';
import { randomUsNumber } from '../helpers/twilio-sign.js';
import { disclosed } from '../helpers/disclosure.js';

describe('LLM circuit breaker across worker instances', () => {
  let h: Harness;
  let first: RunningWorkers;
  let second: { deps: Deps; workers?: RunningWorkers };
  beforeEach(async () => {
    h = await createHarness();
    first = await h.startWorkers();
    // A second worker process: its own Redis connections and LLM client; the same Redis, database and clock.
    second = { deps: await buildDeps(h.config, { log: h.logs.log, clock: h.clock }) };
  });
  afterEach(async () => {
    await second.workers?.close();
    await closeDeps(second.deps);
    await h.close();
  });

  const textAndWait = async (body: string) => {
    const sent = h.twilio.nextMessage();
    await h.postSms({ from: randomUsNumber(), body });
    const message = await sent;
    await waitForQueuesIdle(h);
    return message.body;
  };
  // Every message comes from a new number, so every reply is a first reply and starts with the AI disclosure.
  const GENERAL = disclosed(cannedReply('question', 'en'));

  /** Five failed replies on the first instance; then only the second instance's workers run. */
  const openOnFirstThenSwitch = async () => {
    h.openai.setFallbackBehaviour({ kind: 'status', status: 401 });
    // (No digits or first person in these: nothing for the fact extractor, whose calls would count too.)
    for (const word of ['one', 'two', 'three', 'four', 'five']) expect(await textAndWait(`question ${word}?`)).toBe(GENERAL);
    expect(h.openai.requests).toHaveLength(5);
    await first.close();
    second.workers = await startWorkers(second.deps);
    h.openai.setFallbackBehaviour({ kind: 'text', text: 'I am back.' });
  };

  it('opens after 5 failed replies on one instance; the other then answers at once without calling the LLM', async () => {
    await openOnFirstThenSwitch();
    expect(h.logs.text()).toContain('LLM breaker opened');
    const started = performance.now();
    expect(await textAndWait('still there?')).toBe(GENERAL);
    expect(h.openai.requests).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('lets one trial through after 5 minutes and goes back to real answers when it succeeds', async () => {
    await openOnFirstThenSwitch();
    h.clock.advance(h.config.llm.breaker.openMs);
    expect(await textAndWait('and now?')).toBe(disclosed('I am back.'));
    expect(await textAndWait('and again?')).toBe(disclosed('I am back.'));
    expect(h.openai.requests).toHaveLength(7);
    expect(h.logs.text()).toContain('LLM breaker half-open: letting one trial call through');
    expect(h.logs.text()).toContain('LLM breaker closed: the trial call succeeded');
  });
});
