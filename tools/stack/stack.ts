import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareDatabases } from './databases';
import { installObservability, startObservability, stopObservability } from './observability';
import {
  answersOk,
  isAlive,
  runningPid,
  type ServiceProcess,
  startProcess,
  startService,
  stopService,
  tail,
  waitAnswering,
} from './processes';
import {
  databaseUrl,
  kafkaBrokers,
  mailUrl,
  prometheusUrl,
  REPO_ROOT,
  servicePort,
  serviceUrl,
  smsUrl,
  type StackProfile,
  zipkinUrl,
} from './profile';
import { type ServiceSpec, SERVICES } from './services';
import { tokenKeys } from './keys';
import { ensureTopics } from './topics';

const HEALTH_TIMEOUT_MS = 90_000;
const KAFKA_SCRIPT = path.join(REPO_ROOT, 'tools', 'kafka', 'kafka.sh');

export type Log = (line: string) => void;

/**
 * Brings a whole stack up: broker, Zipkin and Prometheus, topics, databases, a build, then the
 * six services, and returns once every one reports healthy. If one does not, all are stopped
 * again and the error carries that service's log tail.
 */
export async function stackUp(profile: StackProfile, log: Log): Promise<void> {
  const alreadyRunning = SERVICES.filter((service) => runningPid(profile.stateDir, service.name));
  if (alreadyRunning.length > 0) {
    throw new Error(
      `the ${profile.name} stack is already running (stop it first: pnpm stack:down)`,
    );
  }
  installObservability();
  startKafka(profile, log);
  // Zipkin takes seconds to start (a JVM): it comes up while topics, databases and the build
  // are prepared; a failure is reported when it is awaited, before any service starts.
  const observability = startObservability(profile);
  observability.catch(() => undefined);
  const brokers = kafkaBrokers(profile);
  const created = await ensureTopics(brokers);
  log(`topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}`);
  await prepareDatabases(profile, log);
  await startMailCatcher(profile);
  await startSmsSink(profile);
  log('building services (nx, cached)…');
  execFileSync(
    'pnpm',
    ['exec', 'nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=stream'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await observability;
  const started = SERVICES.map((service) =>
    startService(service.name, serviceEnv(profile, service), profile.stateDir),
  );
  try {
    await Promise.all(started.map((service) => waitHealthy(profile, service)));
  } catch (error) {
    await stackDown(profile, () => undefined);
    throw error;
  }
  for (const service of SERVICES) log(`${service.name.padEnd(21)} ${serviceUrl(profile, service)}`);
  log(
    `${'mail (SMTP sink)'.padEnd(21)} smtp://127.0.0.1:${profile.mail.smtpPort}, messages at ${mailUrl(profile)}/api/messages`,
  );
  log(
    `${'sms (Twilio API sink)'.padEnd(21)} ${smsUrl(profile)}, messages at ${smsUrl(profile)}/messages`,
  );
  log(`${'zipkin (traces)'.padEnd(21)} ${zipkinUrl(profile)}/zipkin/`);
  log(`${'prometheus (metrics)'.padEnd(21)} ${prometheusUrl(profile)}`);
  log(`logs: ${path.relative(process.cwd(), path.join(profile.stateDir, 'logs')) || '.'}`);
}

/**
 * Stops the services (gracefully), then Zipkin and Prometheus (the services' last spans and
 * metrics go out as they stop), then the profile's own broker. Safe to run twice.
 */
export async function stackDown(profile: StackProfile, log: Log): Promise<void> {
  const stopped = await Promise.all(
    SERVICES.map((service) => stopService(profile.stateDir, service.name)),
  );
  await stopService(profile.stateDir, MAIL_CATCHER);
  await stopService(profile.stateDir, SMS_SINK);
  log(`stopped ${stopped.filter(Boolean).length} service(s)`);
  await stopObservability(profile);
  log('zipkin and prometheus stopped');
  if (!profile.kafka.external) {
    execFileSync('bash', [KAFKA_SCRIPT, 'stop', '--name', profile.kafka.instance], {
      stdio: 'inherit',
    });
  }
}

/** Stops one service gracefully (SIGTERM) if it runs, starts it again and waits until it is healthy. */
export async function restartService(profile: StackProfile, name: string, log: Log): Promise<void> {
  await stopOneService(profile, name, log);
  await startOneService(profile, name, log);
}

/**
 * Restarts all six services of a running stack with `overrides` on top of their usual
 * environment (e.g. `OTEL_TRACES_EXPORTER: 'none'`), and waits until all are healthy.
 */
export async function restartServices(
  profile: StackProfile,
  overrides: Readonly<Record<string, string>>,
  log: Log,
): Promise<void> {
  await Promise.all(SERVICES.map((service) => stopService(profile.stateDir, service.name)));
  const started = SERVICES.map((service) =>
    startService(service.name, { ...serviceEnv(profile, service), ...overrides }, profile.stateDir),
  );
  await Promise.all(started.map((service) => waitHealthy(profile, service)));
  log(`restarted the six services with ${JSON.stringify(overrides)}`);
}

/** Stops one service gracefully (SIGTERM; SIGKILL after 15 s) if it runs. */
export async function stopOneService(profile: StackProfile, name: string, log: Log): Promise<void> {
  const stopped = await stopService(profile.stateDir, knownService(name).name);
  log(`${name} ${stopped ? 'stopped' : 'was not running'}`);
}

/** Starts one (stopped) service of a running stack and waits until it is healthy. */
export async function startOneService(
  profile: StackProfile,
  name: string,
  log: Log,
): Promise<void> {
  const service = knownService(name);
  const pid = runningPid(profile.stateDir, name);
  if (pid !== undefined) throw new Error(`${name} is already running (pid ${pid})`);
  await waitHealthy(profile, startService(name, serviceEnv(profile, service), profile.stateDir));
  log(`${name} started: ${serviceUrl(profile, service)}`);
}

function knownService(name: string): ServiceSpec {
  const service = SERVICES.find((candidate) => candidate.name === name);
  if (!service)
    throw new Error(
      `unknown service "${name}" (one of: ${SERVICES.map((s) => s.name).join(', ')})`,
    );
  return service;
}

/** The environment a service of this profile runs with (also for extra instances of it). */
export function serviceEnv(profile: StackProfile, service: ServiceSpec): Record<string, string> {
  const keys = tokenKeys(profile.stateDir);
  return {
    PORT: String(servicePort(profile, service)),
    DATABASE_URL: databaseUrl(profile, service),
    KAFKA_BROKERS: kafkaBrokers(profile).join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    JWT_PUBLIC_KEY: keys.publicKey,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(profile.mail.smtpPort),
    ...(service.name === 'notification-service' ? smsEnv(profile) : {}),
    OTEL_SERVICE_NAME: service.name,
    // The launcher's own OTEL_TRACES_EXPORTER wins (e.g. `none` to measure without tracing).
    OTEL_TRACES_EXPORTER: process.env.OTEL_TRACES_EXPORTER ?? 'zipkin',
    OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${zipkinUrl(profile)}/api/v2/spans`,
    // Only the issuer can sign tokens.
    ...(service.issuesTokens ? { JWT_PRIVATE_KEY: keys.privateKey } : {}),
  };
}

export async function createTopics(profile: StackProfile, log: Log): Promise<void> {
  startKafka(profile, log);
  const created = await ensureTopics(kafkaBrokers(profile));
  log(created.length ? `created ${created.join(', ')}` : 'all topics present');
}

function startKafka(profile: StackProfile, log: Log): void {
  if (profile.kafka.external) {
    log(`kafka: using ${profile.kafka.brokers.join(',')}`);
    return;
  }
  const { instance, port, nodes } = profile.kafka;
  // A throwaway profile's broker starts empty every run, like its databases.
  if (profile.ephemeral)
    execFileSync('bash', [KAFKA_SCRIPT, 'clean', '--name', instance], { stdio: 'ignore' });
  execFileSync(
    'bash',
    [KAFKA_SCRIPT, 'start', '--name', instance, '--port', String(port), '--nodes', String(nodes)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

const MAIL_CATCHER = 'mailcatcher';

/** The SMTP sink notification-service sends to, with a JSON API to read what arrived. */
async function startMailCatcher(profile: StackProfile): Promise<void> {
  await stopService(profile.stateDir, MAIL_CATCHER);
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const { smtpPort, httpPort } = profile.mail;
  const mail = startProcess(
    MAIL_CATCHER,
    [
      tsx,
      path.join(REPO_ROOT, 'tools', 'mailcatcher', 'cli.ts'),
      '--smtp-port',
      String(smtpPort),
      '--http-port',
      String(httpPort),
    ],
    {},
    profile.stateDir,
  );
  await waitAnswering(mail, `${mailUrl(profile)}/api/messages`, 30_000, 'the mail catcher');
}

const SMS_SINK = 'smssink';
/** The development account the SMS sink accepts (tools/smssink) and notification-service uses. */
const SMS_ACCOUNT = {
  sid: 'ACdeadbeefdeadbeefdeadbeefdeadbeef',
  token: 'dev-sms-auth-token',
  from: '+15005550006',
};

/** What notification-service needs to send SMS through the profile's sink. */
function smsEnv(profile: StackProfile): Record<string, string> {
  return {
    SMS_API_URL: smsUrl(profile),
    SMS_ACCOUNT_SID: SMS_ACCOUNT.sid,
    SMS_AUTH_TOKEN: SMS_ACCOUNT.token,
    SMS_FROM: SMS_ACCOUNT.from,
  };
}

/** The SMS provider notification-service sends to (Twilio's API), listing what arrived. */
async function startSmsSink(profile: StackProfile): Promise<void> {
  await stopService(profile.stateDir, SMS_SINK);
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const sink = startProcess(
    SMS_SINK,
    [
      tsx,
      path.join(REPO_ROOT, 'tools', 'smssink', 'cli.ts'),
      '--port',
      String(profile.sms.httpPort),
      '--account-sid',
      SMS_ACCOUNT.sid,
      '--auth-token',
      SMS_ACCOUNT.token,
    ],
    {},
    profile.stateDir,
  );
  await waitAnswering(sink, `${smsUrl(profile)}/health`, 30_000, 'the SMS sink');
}

async function waitHealthy(profile: StackProfile, service: ServiceProcess): Promise<void> {
  const spec = SERVICES.find((candidate) => candidate.name === service.name);
  if (!spec) throw new Error(`unknown service ${service.name}`);
  const url = `${serviceUrl(profile, spec)}/health`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(service.pid)) break;
    if (await answersOk(url)) return;
    await sleep(250);
  }
  const why = isAlive(service.pid) ? `not healthy after ${HEALTH_TIMEOUT_MS / 1000}s` : 'exited';
  throw new Error(
    `${service.name} ${why}. Last log lines (${service.logFile}):\n${tail(service.logFile)}`,
  );
}
