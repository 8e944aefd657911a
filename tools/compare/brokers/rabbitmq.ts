import { execFileSync } from 'node:child_process';
import amqp, { type ChannelModel } from 'amqplib';
import {
  type BrokerMode,
  type BrokerUnderTest,
  type Channel,
  channelName,
  CONNECT_TIMEOUT_MS,
  type Publisher,
} from './types';

const URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
/** Unacked messages one consumer may hold: enough to keep it busy, few enough to share work. */
const PREFETCH = 100;

type QueueType = 'quorum' | 'classic';

export const rabbitBroker: BrokerUnderTest = {
  name: 'RabbitMQ',
  async connect() {
    const admin = await amqp.connect(URL, { timeout: CONNECT_TIMEOUT_MS });
    const { product, version: release } = admin.connection.serverProperties;
    const version = `${product} ${release}`;
    const queueType = await supportedQueueType(admin);
    const mode: BrokerMode = {
      name: `RabbitMQ (${queueType} queue, confirms)`,
      delivery: 'acked',
      durability: `durable: confirmed once on disk (${queueType} queue, persistent messages)`,
      settings:
        `${version}; amqplib; durable ${queueType} queue on the default exchange, persistent ` +
        `messages, publisher confirms (ConfirmChannel, each publish awaits its confirm), one ` +
        `connection per publisher/consumer; consumers ack manually, prefetch ${PREFETCH}`,
      orderingGuarantee:
        'FIFO per queue; with several consumers none per key (round-robin dispatch)',
      open: (purpose) => openQueue(admin, purpose, queueType),
    };
    return {
      version,
      modes: [mode],
      serverPid: () => pidOf('beam.smp'),
      close: () => admin.close(),
    };
  },
};

/** Quorum queues need RabbitMQ 3.8+ with the feature flag on; classic durable otherwise. */
async function supportedQueueType(admin: ChannelModel): Promise<QueueType> {
  const probe = channelName('probe');
  const channel = await admin.createChannel();
  try {
    await channel.assertQueue(probe, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.deleteQueue(probe);
    await channel.close();
    return 'quorum';
  } catch {
    return 'classic'; // the failed declare closed the channel
  }
}

async function openQueue(admin: ChannelModel, purpose: string, type: QueueType): Promise<Channel> {
  const queue = channelName(purpose);
  const setup = await admin.createChannel();
  await setup.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': type } });
  const connections: ChannelModel[] = [];
  const connect = async () => {
    const connection = await amqp.connect(URL, { timeout: CONNECT_TIMEOUT_MS });
    connections.push(connection);
    return connection;
  };
  return {
    publisher: async () => rabbitPublisher(await connect(), queue),
    consume: async (_consumerId, handler) => {
      const connection = await connect();
      const channel = await connection.createChannel();
      await channel.prefetch(PREFETCH);
      await channel.consume(
        queue,
        (message) => {
          if (message)
            handler({
              body: message.content.toString(),
              ack: () => {
                channel.ack(message);
              },
            });
        },
        { noAck: false },
      );
      // Closing the connection returns its unacked messages to the queue.
      return { close: () => connection.close().catch(() => undefined) };
    },
    ready: () => Promise.resolve(),
    remove: async () => {
      await Promise.all(connections.map((connection) => connection.close().catch(() => undefined)));
      await setup.deleteQueue(queue);
      await setup.close();
    },
  };
}

async function rabbitPublisher(connection: ChannelModel, queue: string): Promise<Publisher> {
  const channel = await connection.createConfirmChannel();
  return {
    publish: (key, body) =>
      new Promise<void>((resolve, reject) => {
        channel.sendToQueue(
          queue,
          Buffer.from(body),
          { persistent: true, messageId: key },
          (error) => {
            if (error) reject(error instanceof Error ? error : new Error(String(error)));
            else resolve();
          },
        );
      }),
    close: () => channel.close(),
  };
}

export function pidOf(processName: string): number | undefined {
  try {
    const pids = execFileSync('pgrep', ['-x', processName], { encoding: 'utf8' });
    return Number(pids.split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}
