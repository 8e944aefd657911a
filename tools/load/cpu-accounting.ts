import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runningPid } from '../stack/processes';
import { databaseName, REPO_ROOT, type StackProfile } from '../stack/profile';
import { SERVICES } from '../stack/services';

/**
 * CPU time of the stack's processes, read from /proc (utime + stime): unlike wall-clock
 * timings it stays steady on a busy machine, so "CPU milliseconds per order" is comparable
 * between runs.
 */
export interface ProcessGroup {
  readonly name: string;
  /** The group's processes now; the first one's reaped children count too. */
  readonly pids: () => readonly number[];
}

export type CpuSnapshot = ReadonlyMap<string, number>;

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

export function takeCpuSnapshot(groups: readonly ProcessGroup[]): CpuSnapshot {
  return new Map(groups.map((group) => [group.name, groupCpuMs(group.pids())]));
}

/** CPU milliseconds each group spent between two snapshots. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  return new Map([...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)]));
}

function groupCpuMs(pids: readonly number[]): number {
  return pids.reduce((total, pid, index) => total + processCpuMs(pid, index === 0), 0);
}

function processCpuMs(pid: number, withReapedChildren: boolean): number {
  const fields = statFields(pid); // empty when the process is gone since it was listed
  // utime + stime, and cutime + cstime: what the children it has reaped used.
  const counted = withReapedChildren ? [11, 12, 13, 14] : [11, 12];
  const ticks = counted.reduce((total, index) => total + Number(fields[index] ?? 0), 0);
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** The broker, PostgreSQL, the six services, the mail sink and Zipkin of a stack started by stack:up. */
export function stackProcessGroups(profile: StackProfile): ProcessGroup[] {
  const stateRoot = process.env.KAFKA_STATE_DIR ?? path.join(REPO_ROOT, '.stack', 'kafka');
  const started = (name: string) => () => {
    const pid = runningPid(profile.stateDir, name);
    return pid === undefined ? [] : [pid];
  };
  const kafka = profile.kafka;
  const databases = new Set(SERVICES.map((service) => databaseName(profile, service)));
  return [
    ...(kafka.external
      ? []
      : [
          {
            name: 'kafka',
            // A single node's pid file, or each node's of a cluster (kafka.sh's layout).
            pids: () =>
              ['.', 'node-1', 'node-2', 'node-3'].flatMap((node) =>
                pidFromFile(path.join(stateRoot, kafka.instance, node, 'broker.pid')),
              ),
          },
        ]),
    postgresProcessGroup(databases),
    ...SERVICES.map((service) => ({ name: service.name, pids: started(service.name) })),
    { name: 'mailcatcher', pids: started('mailcatcher') },
    // Receives every span the services export: part of what tracing costs.
    { name: 'zipkin', pids: started('zipkin') },
  ];
}

/** The local PostgreSQL server's own processes and the connections to these databases. */
export function postgresProcessGroup(databases: ReadonlySet<string>): ProcessGroup {
  return { name: 'postgres', pids: () => postgresPids(databases) };
}

function pidFromFile(file: string): number[] {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) ? [pid] : [];
  } catch {
    return [];
  }
}

/**
 * The local PostgreSQL server's own processes (postmaster first, writers, checkpointer, …) and
 * the connections to the given databases — not other databases' connections (another
 * stack's, a test run's). A connection that closes during the run (pools shrink when idle)
 * takes its CPU time to the postmaster's reaped-children count, which is therefore counted
 * too: only a run with other databases busy at the same time would be overcounted.
 */
function postgresPids(databases: ReadonlySet<string>): number[] {
  const postgres = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => commandOf(pid) === 'postgres')
    .map((pid) => ({ pid, parent: Number(statFields(pid)[1]) }))
    // A connection that ended while the list was read has no stat left: without this it
    // could pass for the postmaster (no postgres parent) and take its place at the head of
    // the list, and the postmaster's reaped-children count would be missed (CPU per order
    // came out negative).
    .filter(({ parent }) => Number.isInteger(parent) && parent > 0);
  const pids = new Set(postgres.map(({ pid }) => pid));
  const postmasters = postgres.filter(({ parent }) => !pids.has(parent)).map(({ pid }) => pid);
  const ours = postgres
    .filter(({ parent }) => pids.has(parent))
    .map(({ pid }) => pid)
    .filter((pid) => {
      // A connection's title: "postgres: 15/main: <user> <database> <client>(port) <state>".
      const title = processTitle(pid);
      const isConnection = /\(\d+\)/.test(title);
      return !isConnection || title.split(/\s+/).some((word) => databases.has(word));
    });
  return [...postmasters, ...ours];
}

function processTitle(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(path.join('/proc', String(pid), 'comm'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/stat after the command name (which may itself hold spaces and parentheses). */
function statFields(pid: number): string[] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return [];
  }
}
