import { Logger } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';

/** The part of a kafkajs producer the publisher drives; `failWith` makes its sends fail. */
class ProducerDouble {
  connects = 0;
  disconnected = false;
  sent = 0;
  failWith: Error | undefined;

  connect = (): Promise<void> => {
    this.connects++;
    return Promise.resolve();
  };
  disconnect = (): Promise<void> => {
    this.disconnected = true;
    return Promise.resolve();
  };
  sendBatch = (): Promise<void> => {
    if (this.failWith) return Promise.reject(this.failWith);
    this.sent++;
    return Promise.resolve();
  };
}

function protocolError(type: string): Error {
  return Object.assign(new Error(`broker says ${type}`), { type });
}

function publisher(): { publisher: EventPublisher; producers: ProducerDouble[] } {
  const producers: ProducerDouble[] = [];
  const kafka = {
    producer: () => {
      const producer = new ProducerDouble();
      producers.push(producer);
      return producer;
    },
  } as unknown as Kafka;
  return { publisher: new EventPublisher(kafka), producers };
}

const MESSAGES = [{ topic: 'users', messages: [{ key: 'k', value: 'v' }] }];

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('EventPublisher when the broker lost track of its producer', () => {
  it('fails that send, then sends through a new producer with a new id', async () => {
    const { publisher: events, producers } = publisher();
    await events.connect();
    producers[0]!.failWith = protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER');

    await expect(events.send(MESSAGES)).rejects.toThrow('OUT_OF_ORDER_SEQUENCE_NUMBER');
    await events.send(MESSAGES);

    expect(producers).toHaveLength(2);
    expect(producers[0]!.disconnected).toBe(true);
    expect(producers[1]).toMatchObject({ connects: 1, sent: 1 });
  });

  it('keeps its producer after any other failure', async () => {
    const { publisher: events, producers } = publisher();
    await events.connect();
    producers[0]!.failWith = protocolError('NOT_LEADER_FOR_PARTITION');

    await expect(events.send(MESSAGES)).rejects.toThrow();
    producers[0]!.failWith = undefined;
    await events.send(MESSAGES);

    expect(producers).toHaveLength(1);
    expect(producers[0]).toMatchObject({ connects: 1, sent: 1, disconnected: false });
  });
});
