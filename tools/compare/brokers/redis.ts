import { createClient } from 'redis';
import { pidOf } from './rabbitmq';
import {
  type BrokerMode,
  type BrokerUnderTest,
  type Channel,
  channelName,
  CONNECT_TIMEOUT_MS,
  type Consumer,
  type Received,
} from './types';

const URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GROUP = 'kc-compare';
const READ_COUNT = 100;
const BLOCK_MS = 200;

type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

async function connectRedis() {
  const client = createClient({
    url: URL,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false },
  });
  client.on('error', () => undefined); // surfaced by the command that fails instead
  await client.connect();
  return client;
}

export const redisBroker: BrokerUnderTest = {
  name: 'Redis',
  async connect() {
    const admin = await connectRedis();
    const version = `Redis ${/redis_version:(\S+)/.exec(await admin.info('server'))?.[1] ?? ''}`;
    const persistence = await persistenceOf(admin);
    const streamsMode: BrokerMode = {
      name: 'Redis Streams (consumer group)',
      delivery: 'acked',
      durability: persistence.includes('NO persistence')
        ? 'acked from memory, NOT persisted (lost on restart)'
        : `acked from memory, persisted as configured (${persistence})`,
      settings:
        `${version}; node-redis; XADD (reply awaited), one group, XREADGROUP COUNT ${READ_COUNT} ` +
        `BLOCK ${BLOCK_MS} ms, XACK after handling; a restarted consumer keeps its name and ` +
        `first re-reads its pending entries (XREADGROUP 0); persistence at run time: ` +
        `${persistence} (an XADD is acknowledged from memory, whatever is configured)`,
      orderingGuarantee: 'stream order; several consumers in a group share it with none per key',
      open: (purpose) => openStream(admin, purpose),
    };
    const pubSubMode: BrokerMode = {
      name: 'Redis Pub/Sub',
      delivery: 'fire-and-forget',
      durability: 'not stored: at most once',
      settings: `${version}; PUBLISH / SUBSCRIBE, at most once, nothing stored; each subscriber gets every message`,
      orderingGuarantee: 'per connection; no groups (every subscriber gets every message)',
      fanOutOnly: true,
      open: (purpose) => Promise.resolve(openPubSub(purpose)),
    };
    return {
      version,
      modes: [streamsMode, pubSubMode],
      serverPid: () => pidOf('redis-server'),
      close: () => admin.quit().then(() => undefined),
    };
  },
};

/** Read from the server every run: the report must say what was configured, not assumed. */
async function persistenceOf(admin: RedisClient): Promise<string> {
  const aof = (await admin.configGet('appendonly')).appendonly ?? '?';
  const save = (await admin.configGet('save')).save ?? '?';
  const fsync = (await admin.configGet('appendfsync')).appendfsync ?? '?';
  const none = aof === 'no' && save === '' ? ' = NO persistence' : '';
  return `appendonly=${aof}, appendfsync=${fsync}, save="${save}"${none}`;
}

async function openStream(admin: RedisClient, purpose: string): Promise<Channel> {
  const key = channelName(purpose);
  await admin.xGroupCreate(key, GROUP, '0', { MKSTREAM: true });
  const { open, quitAll } = channelClients();
  return {
    publisher: async () => {
      const client = await open();
      return {
        publish: async (_key, body) => {
          await client.xAdd(key, '*', { body });
        },
        close: () => client.quit().then(() => undefined),
      };
    },
    consume: async (consumerId, handler) => streamConsumer(await open(), key, consumerId, handler),
    ready: () => Promise.resolve(),
    remove: async () => {
      await quitAll();
      await admin.del(key);
    },
  };
}

interface StreamEntry {
  readonly id: string;
  readonly body: string;
}

/**
 * One blocking reader per consumer: first its own pending entries (what it read before a
 * restart and never acked), then new ones. Acks go out as one XACK after each batch.
 */
function streamConsumer(
  client: RedisClient,
  key: string,
  consumerId: string,
  handler: (message: Received) => void,
): Consumer {
  const state = { stopped: false };
  const stopped = () => state.stopped; // read through a call: close() flips it meanwhile
  // '0' and later ids read this consumer's pending entries; '>' reads new ones.
  let cursor = '0';
  const loop = (async () => {
    while (!stopped()) {
      const entries = await readGroup(client, key, consumerId, cursor);
      if (cursor !== '>') cursor = entries.at(-1)?.id ?? '>';
      const acked: string[] = [];
      for (const entry of entries) {
        if (stopped()) break;
        handler({ body: entry.body, ack: () => acked.push(entry.id) });
      }
      if (acked.length > 0) await client.xAck(key, GROUP, acked);
    }
  })().catch(() => undefined);
  return {
    close: async () => {
      state.stopped = true;
      await loop;
      await client.quit();
    },
  };
}

async function readGroup(
  client: RedisClient,
  key: string,
  consumer: string,
  cursor: string,
): Promise<StreamEntry[]> {
  const reply: unknown = await client.xReadGroup(
    GROUP,
    consumer,
    { key, id: cursor },
    { COUNT: READ_COUNT, BLOCK: BLOCK_MS },
  );
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream: { messages: { id: string; message: { body?: string } }[] }) =>
    stream.messages.map(({ id, message }) => ({ id, body: String(message.body) })),
  );
}

function openPubSub(purpose: string): Channel {
  const name = channelName(purpose);
  const { open, quitAll } = channelClients();
  return {
    publisher: async () => {
      const client = await open();
      return {
        publish: async (_key, body) => {
          await client.publish(name, body);
        },
        close: () => client.quit().then(() => undefined),
      };
    },
    consume: async (_consumerId, handler) => {
      const client = await open();
      await client.subscribe(name, (body) => {
        handler({ body, ack: () => undefined });
      });
      return { close: () => client.quit().then(() => undefined) };
    },
    ready: () => Promise.resolve(),
    remove: quitAll,
  };
}

/** A channel's connections, one per publisher and consumer, all closed when it is removed. */
function channelClients(): { open: () => Promise<RedisClient>; quitAll: () => Promise<void> } {
  const clients: RedisClient[] = [];
  return {
    open: async () => {
      const client = await connectRedis();
      clients.push(client);
      return client;
    },
    quitAll: async () => {
      await Promise.all(clients.filter((c) => c.isOpen).map((client) => client.quit()));
    },
  };
}
