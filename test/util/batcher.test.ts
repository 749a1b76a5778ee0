import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/util/batcher.js';

describe('createBatcher', () => {
  it('runs items submitted together as one batch and resolves each with its own result', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({ maxBatch: 100, maxInFlight: 1, run: async (items) => (batches.push(items), items.map((i) => i * 2)) });
    expect(await Promise.all([1, 2, 3].map((i) => batcher.submit(i)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('collects items that arrive while a batch is in flight into the next one, up to maxBatch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = createBatcher<number, number>({
      maxBatch: 2,
      maxInFlight: 1,
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
    });
    const first = batcher.submit(0);
    await new Promise((r) => setImmediate(r));
    const rest = [1, 2, 3, 4, 5].map((i) => batcher.submit(i));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2], [3, 4], [5]]);
  });

  it('rejects every item of a failed batch and keeps serving later ones', async () => {
    let fail = true;
    const batcher = createBatcher<number, number>({ maxBatch: 10, maxInFlight: 1, run: async (items) => { if (fail) throw new Error('db down'); return items; } });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow('db down');
    fail = false;
    expect(await batcher.submit(3)).toBe(3);
    await batcher.drain();
  });
});
