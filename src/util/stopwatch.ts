/** Lap times for one unit of work, for its log line: where a slow job spent its time. */
export function stopwatch() {
  let last = performance.now();
  const laps: Record<string, number> = {};
  return {
    lap(name: string): void {
      const now = performance.now();
      laps[name] = Math.round((now - last) * 10) / 10;
      last = now;
    },
    laps,
  };
}
