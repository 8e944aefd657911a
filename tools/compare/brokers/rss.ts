import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB (VmRSS), or undefined when it cannot be read. */
export function residentMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/** The process name as /proc knows it (e.g. java, beam.smp). */
export function processName(pid: number | undefined): string {
  if (pid === undefined) return 'n/a';
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return 'n/a';
  }
}
