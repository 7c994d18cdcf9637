import { readFileSync } from 'node:fs';

// Linux reports a process's CPU time in clock ticks; 100 per second on every common kernel build.
const TICKS_PER_SECOND = 100;

/** Resident memory of a process, in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * CPU time a process has used so far, user + system, all its threads (GC and libuv too), in ms.
 * Read before and after a load run: on a shared machine the difference over the requests served
 * is the per-request cost, where wall-clock figures only tell how busy the other jobs were.
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
