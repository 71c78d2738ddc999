// CPU accounting from /proc (Linux), so that a run disturbed by other work on the machine shows
// as such, and so that each server's cost per request can be compared whatever the contention.
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat and /proc/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far, or null where /proc is missing. */
export function processCpuSeconds(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** Busy and total CPU seconds of the whole machine so far (all cores). */
export function machineCpuSeconds(): { busy: number; total: number } | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

export interface CpuUse {
  /** CPU seconds the server used during the run. */
  serverSeconds: number;
  /** Share of one core the server used (1 = a full core). */
  serverCores: number;
  /** Share of the whole machine that was busy (server, load generator and anything else). */
  machineBusy: number;
}

/** Starts measuring; the returned function gives the CPU use since the start. */
export function cpuMeter(pid: number): () => CpuUse | null {
  const p0 = processCpuSeconds(pid);
  const m0 = machineCpuSeconds();
  const t0 = process.hrtime.bigint();
  return () => {
    const p1 = processCpuSeconds(pid);
    const m1 = machineCpuSeconds();
    if (p0 === null || p1 === null || !m0 || !m1) return null;
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    return {
      serverSeconds: p1 - p0,
      serverCores: (p1 - p0) / wall,
      machineBusy: (m1.busy - m0.busy) / Math.max(1e-9, m1.total - m0.total),
    };
  };
}
