import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Deps } from '../src/deps.js';
import { PermanentError } from '../src/errors.js';
import type { QueueName } from '../src/queue/names.js';

export interface WorkerTuning {
  concurrency?: number;
  /** How long a job's lock lives without renewal; a killed worker's job is re-run after about this. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Keep it the same on every worker of a queue. */
  stalledIntervalMs?: number;
}

/**
 * One BullMQ Worker for one queue: payload parsed with zod first (a bad payload can never succeed, so
 * it is not retried), PermanentError → UnrecoverableError, one log line per job, errors always handled.
 */
export function startQueueWorker<S extends z.ZodType>(
  deps: Deps,
  queue: QueueName,
  schema: S,
  process: (data: z.infer<S>, job: Job) => Promise<Record<string, unknown>>,
  tuning: WorkerTuning = {},
): Worker {
  // Workers block on Redis; they need their own connection with no per-request retry cap.
  const connection = new Redis(deps.config.redis.url, { maxRetriesPerRequest: null });
  const worker = new Worker(
    queue,
    async (job) => {
      const started = performance.now();
      const parsed = schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${queue} payload`);
      try {
        const outcome = await process(parsed.data, job);
        deps.log.info({ queue, jobId: job.id, attempt: job.attemptsMade + 1, ms: Math.round(performance.now() - started), ...outcome }, 'job');
        return outcome;
      } catch (error) {
        const err = error as Error;
        deps.log.warn({ queue, jobId: job.id, attempt: job.attemptsMade + 1, ms: Math.round(performance.now() - started), err: err.message }, 'job failed');
        if (error instanceof PermanentError) throw new UnrecoverableError(err.message);
        throw error;
      }
    },
    {
      connection,
      prefix: deps.config.redis.queuePrefix,
      concurrency: tuning.concurrency ?? deps.config.worker.concurrency,
      lockDuration: tuning.lockDurationMs ?? 30_000,
      stalledInterval: tuning.stalledIntervalMs ?? 30_000,
    },
  );
  worker.on('error', (error) => deps.log.error({ queue, err: error.message }, 'worker error'));
  const close = worker.close.bind(worker);
  worker.close = async (force?: boolean) => {
    await close(force);
    connection.disconnect();
  };
  return worker;
}
