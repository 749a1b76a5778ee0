import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Starts a TypeScript entry point in its own process (as production runs it) and waits until it answers. */
export async function startProcess(entry: string, args: string[], env: Record<string, string>, healthUrl?: string): Promise<ChildProcess> {
  const child = fork(entry, args, { execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${entry} exited early with code ${code}`);
  });
  if (healthUrl) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await Promise.race([fetch(healthUrl).then((r) => r.ok, () => false), exited]);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`${entry} did not become healthy`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } else {
    await Promise.race([once(child, 'message'), exited]);
  }
  exited.catch(() => undefined);
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Runs a TypeScript entry point to completion (e.g. migrations); rejects on a non-zero exit. */
export async function runToCompletion(entry: string, env: Record<string, string>): Promise<void> {
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${entry} exited with code ${code}`);
}
