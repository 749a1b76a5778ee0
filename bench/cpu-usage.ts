import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by groups of processes (from /proc), so a benchmark can report CPU per request for the
 * web process, Postgres and Redis. Unlike throughput, CPU per request barely moves when other work
 * shares the machine.
 */
const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return 0;
  }
}

function pidsByName(pattern: RegExp): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return pattern.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
      } catch {
        return false;
      }
    });
}

export type CpuGroups = Record<string, () => number[]>;

export const groupsFor = (webPid: number): CpuGroups => ({
  web: () => [webPid],
  postgres: () => pidsByName(/^postgres/),
  redis: () => pidsByName(/^redis-server/),
});

/** Snapshot now; call the returned function after the run to get CPU seconds per group. */
export function startCpuMeter(groups: CpuGroups): () => Record<string, number> {
  const before = new Map<number, number>();
  for (const pids of Object.values(groups)) for (const pid of pids()) before.set(pid, processCpuSeconds(pid));
  return () =>
    Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [
        name,
        Math.round(pids().reduce((sum, pid) => sum + processCpuSeconds(pid) - (before.get(pid) ?? 0), 0) * 1000) / 1000,
      ]),
    );
}
