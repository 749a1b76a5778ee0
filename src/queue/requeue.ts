import type { Queue } from 'bullmq';

/**
 * For sweeps that rebuild lost jobs from Postgres (the source of truth). A job that is waiting, delayed
 * or running is left alone; a missing one (Redis lost it) is added; a finished one whose row still
 * waits (it ran out of retries, or finished without moving the row) is replaced, since a re-add under
 * the same id would otherwise be a silent no-op. True when a job was added.
 */
export async function requeueIfLost(queue: Queue, jobId: string, add: () => Promise<unknown>): Promise<boolean> {
  const job = await queue.getJob(jobId);
  if (job) {
    const state = await job.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
    await job.remove();
  }
  await add();
  return true;
}
