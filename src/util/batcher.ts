/**
 * Natural batching ("group commit"): callers submit one item each; items that arrive while a batch is
 * in flight ride together in the next one. At low load every item goes alone with no added delay; under
 * load one round trip carries many items, which is what keeps the webhook path cheap (one INSERT and
 * one Redis pipeline per batch instead of per request).
 */
export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
  /** Resolves once everything submitted so far has been run (tests and shutdown use it). */
  drain(): Promise<void>;
}

export interface BatcherOptions<I, O> {
  /** Runs one batch; must return one result per item, in order. */
  run: (items: I[]) => Promise<O[]>;
  maxBatch: number;
  /** Batches allowed in flight at once (e.g. the share of the DB pool this batcher may use). */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>({ run, maxBatch, maxInFlight }: BatcherOptions<I, O>): Batcher<I, O> {
  let queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (inFlight === 0 && queue.length === 0 && !scheduled) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const pump = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      inFlight++;
      void runBatch(batch);
    }
    settleIdle();
  };

  const runBatch = async (batch: Pending<I, O>[]) => {
    try {
      const results = await run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i] as O));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      inFlight--;
      pump();
    }
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Wait one macrotask so requests parsed in the same I/O turn share the batch.
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
