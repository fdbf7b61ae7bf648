/**
 * Waits until the machine is idle (the share of CPU time spent idle over one second above a threshold),
 * so a benchmark does not measure the build or test run that came just before it. Gives up after a while
 * and says so: the figures are then printed anyway, with the idle share they were measured at.
 */
import { readFileSync } from 'node:fs';

const cpuTimes = (): { idle: number; total: number } => {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: idle and iowait are idle time
  return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
};

/** The idle share of all CPUs over the next `ms` milliseconds (1 where /proc/stat is missing). */
export const idleShare = async (ms = 1000): Promise<number> => {
  try {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, ms));
    const b = cpuTimes();
    return b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : 1;
  } catch {
    return 1;
  }
};

export const waitForIdle = async ({ threshold = 0.9, maxWaitMs = 90_000 } = {}): Promise<number> => {
  const start = Date.now();
  let share = await idleShare();
  while (share < threshold && Date.now() - start < maxWaitMs) share = await idleShare();
  return share;
};
