import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedisBreaker, type Breaker } from '../../src/llm/breaker.js';
import { createTestClock } from '../helpers/clock.js';
import { createCapturedLog } from '../helpers/log-capture.js';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../helpers/redis.js';

const OPEN_MS = 300_000;

describe('Redis circuit breaker', () => {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  // Two connections and two breaker objects on one key: what two instances (web, worker) look like.
  const redisA = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
  const redisB = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
  const clock = createTestClock();
  const logs = createCapturedLog();
  let key: string;
  let a: Breaker;
  let b: Breaker;
  const make = (redis: Redis) => createRedisBreaker({ redis, key, clock, log: logs.log, failures: 5, openMs: OPEN_MS });

  beforeAll(async () => {
    await Promise.all([redisA.connect(), redisB.connect()]);
  });
  beforeEach(() => {
    key = `${prefix}:llm-breaker:${randomBytes(4).toString('hex')}`;
    a = make(redisA);
    b = make(redisB);
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(prefix);
    redisA.disconnect();
    redisB.disconnect();
  });

  const fail = async (breaker: Breaker, times: number) => {
    for (let i = 0; i < times; i++) await breaker.failure((await breaker.acquire(1_000))!);
  };

  it('stays closed through four failures and opens on the fifth in a row', async () => {
    await fail(a, 4);
    expect(await a.state()).toBe('closed');
    expect(await a.acquire(1_000)).toBe('closed');
    await fail(a, 1);
    expect(await a.state()).toBe('open');
    expect(await a.acquire(1_000)).toBeUndefined();
    expect(logs.text()).toContain('LLM breaker opened');
  });

  it('gives a clean permit while nothing is on record, and a success then writes nothing', async () => {
    expect(await a.acquire(1_000)).toBe('clean');
    await a.success('clean');
    expect(await a.state()).toBe('closed');
    await fail(a, 1);
    expect(await a.acquire(1_000)).toBe('closed');
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    await fail(a, 4);
    await a.success('closed');
    await fail(a, 4);
    expect(await a.state()).toBe('closed');
  });

  it('is shared: failures on one instance open it for the other', async () => {
    await fail(a, 3);
    await fail(b, 2);
    expect(await b.acquire(1_000)).toBeUndefined();
    expect(await a.acquire(1_000)).toBeUndefined();
  });

  it('lets exactly one trial call through after the open period, across instances', async () => {
    await fail(a, 5);
    clock.advance(OPEN_MS - 1_000);
    expect(await a.acquire(1_000)).toBeUndefined();
    clock.advance(1_000);
    expect(await a.state()).toBe('half_open');
    expect(await b.acquire(10_000)).toBe('trial');
    expect(await a.acquire(10_000)).toBeUndefined();
    expect(await b.acquire(10_000)).toBeUndefined();
  });

  it('closes when the trial succeeds', async () => {
    await fail(a, 5);
    clock.advance(OPEN_MS);
    const permit = await b.acquire(10_000);
    await b.success(permit!);
    expect(await a.state()).toBe('closed');
    // The record is gone: the next call starts from a clean slate.
    expect(await a.acquire(1_000)).toBe('clean');
    // and the failure count starts from zero again
    await fail(a, 4);
    expect(await a.state()).toBe('closed');
  });

  it('opens again for a full period when the trial fails', async () => {
    await fail(a, 5);
    clock.advance(OPEN_MS);
    await a.failure((await a.acquire(10_000))!);
    expect(await b.state()).toBe('open');
    clock.advance(OPEN_MS - 1_000);
    expect(await b.acquire(1_000)).toBeUndefined();
    clock.advance(1_000);
    expect(await b.acquire(1_000)).toBe('trial');
  });

  it('gives the trial to another caller when the first trial holder vanishes past its lease', async () => {
    await fail(a, 5);
    clock.advance(OPEN_MS);
    expect(await a.acquire(2_000)).toBe('trial'); // this caller then crashes: no success, no failure
    clock.advance(2_001);
    expect(await b.acquire(2_000)).toBe('trial');
  });

  it('frees the trial slot when the trial ended without a verdict (a refusal)', async () => {
    await fail(a, 5);
    clock.advance(OPEN_MS);
    const permit = await a.acquire(60_000);
    await a.release(permit!);
    expect(await b.acquire(60_000)).toBe('trial');
  });

  it('keeps its keys under the configured prefix', async () => {
    await fail(a, 1);
    expect(await redisA.exists(key)).toBe(1);
    expect(key.startsWith(`${prefix}:`)).toBe(true);
  });

  it('fails open (behaves as closed) when Redis is unreachable, instead of blocking the reply', async () => {
    const down = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    down.on('error', () => undefined);
    const breaker = make(down);
    const started = performance.now();
    expect(await breaker.acquire(1_000)).toBe('closed');
    await breaker.failure('closed');
    await breaker.success('closed');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(logs.text()).toContain('LLM breaker state unavailable; treating it as closed');
    down.disconnect();
  });

  it('fails open within its command timeout when Redis stops answering mid-session', async () => {
    // A proxy to the real Redis that can stop forwarding: a connected, ready client whose server went silent.
    let frozen = false;
    const upstreamUrl = new URL(TEST_REDIS_URL);
    const proxy = createServer((client) => {
      const upstream = connect(Number(upstreamUrl.port || 6379), upstreamUrl.hostname);
      client.on('data', (chunk) => frozen || upstream.write(chunk));
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const stuck = new Redis({ host: '127.0.0.1', port: (proxy.address() as AddressInfo).port, enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    stuck.on('error', () => undefined);
    await stuck.connect();
    const breaker = make(stuck);
    await fail(breaker, 5);
    expect(await breaker.acquire(1_000)).toBeUndefined();
    frozen = true;
    const started = performance.now();
    expect(await breaker.acquire(1_000)).toBe('closed');
    expect(performance.now() - started).toBeLessThan(1_000);
    stuck.disconnect();
    proxy.close();
  });
});
