import { createInterface } from 'node:readline';
import getPort from 'get-port';
import {
  type ContainerRuntimeClient,
  GenericContainer,
  getContainerRuntimeClient,
  Wait,
} from 'testcontainers';
import { imageOf } from './test-backend';
import { type TestBroker } from './test-broker';

const READY_LINE = 'Kafka Server started';
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * A single-node KRaft broker in a container, configured through the official image's KAFKA_*
 * variables (our offline image honours the same). Kafka hands clients its advertised address,
 * so the container listens on the very port it is published on: that address then works from
 * the host and, for the broker's own connections, from inside the container.
 */
export async function startKafkaContainer(env: NodeJS.ProcessEnv): Promise<TestBroker> {
  const port = await getPort();
  const runtime = await getContainerRuntimeClient();
  const host = runtime.info.containerRuntime.host;
  const container = await new GenericContainer(imageOf('kafka', env))
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      // As the project's own runner: topics are created explicitly, groups start at once.
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms512m',
    })
    .withWaitStrategy(Wait.forLogMessage(READY_LINE))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();

  // An outage keeps the container (and its log directory): stopped, then started again.
  let starts = 1;
  const dockerContainer = runtime.container.getById(container.getId());
  return {
    brokers: [`${host}:${port}`],
    stop: async () => {
      // Graceful, as kafka.sh stop: killed, the broker's old registration blocks a restart
      // until its session expires. (testcontainers takes milliseconds.)
      await runtime.container.stop(dockerContainer, { timeout: 30_000 });
    },
    start: async () => {
      await runtime.container.start(dockerContainer);
      starts += 1;
      await loggedTimes(runtime, dockerContainer, READY_LINE, starts);
    },
    remove: async () => {
      await container.stop();
    },
  };
}

type DockerContainer = ReturnType<ContainerRuntimeClient['container']['getById']>;

/**
 * Resolves once the container's log holds `line` `times` times: a restarted container keeps
 * its earlier log, and `since` filters by whole seconds only.
 */
async function loggedTimes(
  runtime: ContainerRuntimeClient,
  container: DockerContainer,
  line: string,
  times: number,
): Promise<void> {
  const stream = await runtime.container.logs(container);
  const timer = setTimeout(() => {
    stream.destroy(
      new Error(`"${line}" not logged ${times} times within ${STARTUP_TIMEOUT_MS} ms`),
    );
  }, STARTUP_TIMEOUT_MS);
  try {
    let seen = 0;
    for await (const logged of createInterface({ input: stream })) {
      if (logged.includes(line) && ++seen === times) return;
    }
    throw new Error(`container ${container.id} stopped logging before "${line}"`);
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
}
