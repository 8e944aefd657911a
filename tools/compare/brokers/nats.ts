import {
  AckPolicy,
  type ConsumerMessages,
  jetstream,
  jetstreamManager,
  type JetStreamManager,
  StorageType,
} from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { pidOf } from './rabbitmq';
import {
  type BrokerMode,
  type BrokerUnderTest,
  type Channel,
  channelName,
  CONNECT_TIMEOUT_MS,
  type Received,
} from './types';

const SERVERS = process.env.NATS_URL ?? '127.0.0.1:4222';
/** Short, so the crash workload sees redelivery within the run (the default is 30 s). */
const ACK_WAIT_MS = 3_000;
const MAX_MESSAGES = 100;

const connectNats = () => connect({ servers: SERVERS, timeout: CONNECT_TIMEOUT_MS });

export const natsBroker: BrokerUnderTest = {
  name: 'NATS',
  async connect() {
    const admin = await connectNats();
    const jsm = await jetstreamManager(admin);
    const version = `NATS ${admin.info?.version ?? ''}`.trim();
    const jetStreamMode: BrokerMode = {
      name: 'NATS JetStream (file, acked)',
      delivery: 'acked',
      durability: 'durable: file store at PubAck (fsync periodic, NATS default)',
      settings:
        `${version}; @nats-io/jetstream; file-storage stream, 1 replica; js.publish awaits ` +
        `its PubAck; durable pull consumer, explicit ack, ack_wait ${ACK_WAIT_MS / 1000} s, ` +
        `consume() buffering ${MAX_MESSAGES} messages; one connection per publisher/consumer`,
      orderingGuarantee:
        'stream order per subject; several pull subscribers on one consumer share it with none',
      open: (purpose) => openStream(jsm, purpose),
    };
    const coreMode: BrokerMode = {
      name: 'NATS core pub/sub',
      delivery: 'fire-and-forget',
      durability: 'not stored: at most once',
      settings:
        `${version}; core publish (no ack, at most once), plain subscription (queue group ` +
        `kc-compare for several consumers); slow consumers are cut off by the server`,
      orderingGuarantee: 'per publisher to one subscriber; none across a queue group',
      open: (purpose) => Promise.resolve(openSubject(purpose)),
    };
    return {
      version,
      modes: [jetStreamMode, coreMode],
      serverPid: () => pidOf('nats-server'),
      close: () => admin.close(),
    };
  },
};

async function openStream(jsm: JetStreamManager, purpose: string): Promise<Channel> {
  const stream = channelName(purpose);
  const subject = channelName(purpose, '.');
  await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File });
  await jsm.consumers.add(stream, {
    durable_name: stream,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ACK_WAIT_MS),
  });
  const connections: NatsConnection[] = [];
  const open = async () => {
    const connection = await connectNats();
    connections.push(connection);
    return connection;
  };
  return {
    publisher: async () => {
      const connection = await open();
      const js = jetstream(connection);
      return {
        publish: async (_key, body) => {
          await js.publish(subject, body);
        },
        close: () => connection.close(),
      };
    },
    consume: async (_consumerId, handler) => {
      const connection = await open();
      const consumer = await jetstream(connection).consumers.get(stream, stream);
      const messages = await consumer.consume({ max_messages: MAX_MESSAGES });
      const loop = pump(messages, handler);
      return {
        close: async () => {
          await connection.flush(); // acks already given reach the server; the rest do not
          await messages.close();
          await loop;
          await connection.close();
        },
      };
    },
    ready: () => Promise.resolve(),
    remove: async () => {
      await Promise.all(connections.map((connection) => connection.close()));
      await jsm.streams.delete(stream);
    },
  };
}

async function pump(messages: ConsumerMessages, handler: (m: Received) => void): Promise<void> {
  for await (const message of messages) {
    handler({
      body: message.string(),
      ack: () => {
        message.ack();
      },
    });
  }
}

function openSubject(purpose: string): Channel {
  const subject = channelName(purpose, '.');
  const connections: NatsConnection[] = [];
  const open = async () => {
    const connection = await connectNats();
    connections.push(connection);
    return connection;
  };
  return {
    publisher: async () => {
      const connection = await open();
      return {
        // Synchronous into the client's buffer: nothing confirms the message arrived.
        publish: async (_key, body) => {
          connection.publish(subject, body);
          await Promise.resolve();
        },
        close: async () => {
          await connection.flush();
          await connection.close();
        },
      };
    },
    consume: async (_consumerId, handler) => {
      const connection = await open();
      connection.subscribe(subject, {
        queue: 'kc-compare',
        callback: (error, message) => {
          if (!error) handler({ body: message.string(), ack: () => undefined });
        },
      });
      await connection.flush(); // the subscription is registered before anyone publishes
      return { close: () => connection.close() };
    },
    ready: () => Promise.resolve(),
    remove: async () => {
      await Promise.all(connections.map((connection) => connection.close()));
    },
  };
}
