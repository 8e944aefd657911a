import { EventEmitter } from 'node:events';
import { userRegisteredV1 } from '@kafka-commerce/events';
import { Logger } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { type EventPublisher } from '../event-publisher';
import { type MessagingOptions } from '../messaging-options';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EVENT_HANDLER_EXTRAS } from './event-handler.decorator';
import { KafkaEventServer } from './kafka-event.server';

const CRASH = 'consumer.crash';

/** The part of a kafkajs consumer the server drives, recording what it was asked. */
class ConsumerDouble extends EventEmitter {
  readonly events = { CRASH };
  runs = 0;
  disconnected = false;

  connect = (): Promise<void> => Promise.resolve();
  subscribe = (): Promise<void> => Promise.resolve();
  run = (): Promise<void> => {
    this.runs++;
    return Promise.resolve();
  };
  disconnect = (): Promise<void> => {
    this.disconnected = true;
    return Promise.resolve();
  };

  crash(restart: boolean): void {
    this.emit(CRASH, { payload: { error: new TypeError('a bug'), groupId: 'svc.users', restart } });
  }
}

function startServer(): { server: KafkaEventServer; consumers: ConsumerDouble[] } {
  const consumers: ConsumerDouble[] = [];
  const kafka = {
    consumer: () => {
      const consumer = new ConsumerDouble();
      consumers.push(consumer);
      return consumer;
    },
  } as unknown as Kafka;
  const options = { serviceName: 'svc', registry: new Registry() } as unknown as MessagingOptions;
  const server = new KafkaEventServer(
    kafka,
    {} as EventPublisher,
    new MessagingMetrics(options.registry),
    options,
  );
  server.addHandler('users', () => Promise.resolve(), true, {
    [EVENT_HANDLER_EXTRAS]: { accepts: [userRegisteredV1] },
  });
  server.listen(() => undefined);
  return { server, consumers };
}

/** Lets every timer due within `ms` (fake time) and the promises they resolve run. */
function elapse(ms: number): Promise<void> {
  return jest.advanceTimersByTimeAsync(ms).then(() => undefined);
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('KafkaEventServer when a consumer crashes', () => {
  it('replaces a consumer kafkajs will not restart, with a new one for the same topic', async () => {
    const { server, consumers } = startServer();
    await elapse(0);
    expect(consumers.map((consumer) => consumer.runs)).toEqual([1]);

    consumers[0]!.crash(false);
    await elapse(2_000); // kafkajs' own restart delay (KAFKA_RETRY.maxRetryTime)

    expect(consumers.map((consumer) => consumer.runs)).toEqual([1, 1]);
    expect(consumers[0]!.disconnected).toBe(true);
    expect(server.unwrap<ConsumerDouble[]>()).toEqual([consumers[1]]);
    await server.close();
  });

  it('leaves a crash kafkajs restarts from to kafkajs', async () => {
    const { server, consumers } = startServer();
    await elapse(0);

    consumers[0]!.crash(true);
    await elapse(60_000);

    expect(consumers).toHaveLength(1);
    expect(consumers[0]!.disconnected).toBe(false);
    await server.close();
  });

  it('starts nothing new once the server is closing', async () => {
    const { server, consumers } = startServer();
    await elapse(0);

    await server.close();
    consumers[0]!.crash(false);
    await elapse(60_000);

    expect(consumers).toHaveLength(1);
  });
});
