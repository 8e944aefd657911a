import { type EachBatchPayload, type TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { OffsetCommits } from './offset-commits';

const TOPIC = 'orders';
const INTERVAL_MS = 1000;

type Commit = { partition: number; offset: string }[];

/** Records every commit, by the consumer (timer, stop) or through a batch's payload. */
class Kafka {
  readonly commits: { via: 'consumer' | 'batch'; offsets: Commit }[] = [];
  failNext = false;

  readonly consumer = {
    commitOffsets: (offsets: TopicPartitionOffsetAndMetadata[]): Promise<void> => {
      if (this.failNext) {
        this.failNext = false;
        return Promise.reject(new Error('REBALANCE_IN_PROGRESS'));
      }
      this.commits.push({ via: 'consumer', offsets: offsets.map(withoutTopic) });
      return Promise.resolve();
    },
  };

  batch(partition: number, lastOffset: string): EachBatchPayload {
    return {
      batch: { partition, lastOffset: () => lastOffset },
      commitOffsetsIfNecessary: (offsets: {
        topics: { topic: string; partitions: Commit }[];
      }): Promise<void> => {
        const partitions = offsets.topics.flatMap((topic) =>
          topic.topic === TOPIC ? topic.partitions : [],
        );
        this.commits.push({ via: 'batch', offsets: partitions });
        return Promise.resolve();
      },
    } as unknown as EachBatchPayload;
  }
}

function withoutTopic({ partition, offset }: TopicPartitionOffsetAndMetadata) {
  return { partition, offset };
}

function setUp() {
  const kafka = new Kafka();
  const errors: unknown[] = [];
  const commits = new OffsetCommits(TOPIC, kafka.consumer, INTERVAL_MS, (error) => {
    errors.push(error);
  });
  return { kafka, commits, errors };
}

const elapse = (ms: number) => jest.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('OffsetCommits', () => {
  it('commits the batches of one interval once, with each partition’s next offset', async () => {
    const { kafka, commits } = setUp();
    await commits.processed(kafka.batch(0, '4'));
    await commits.processed(kafka.batch(1, '9'));
    await commits.processed(kafka.batch(0, '7'));
    expect(kafka.commits).toEqual([]);

    await elapse(INTERVAL_MS);

    expect(kafka.commits).toEqual([
      {
        via: 'consumer',
        offsets: [
          { partition: 0, offset: '8' },
          { partition: 1, offset: '10' },
        ],
      },
    ]);
  });

  it('commits through the batch once the interval has passed since the last commit', async () => {
    const { kafka, commits } = setUp();
    await elapse(INTERVAL_MS);

    await commits.processed(kafka.batch(2, '41'));

    expect(kafka.commits).toEqual([{ via: 'batch', offsets: [{ partition: 2, offset: '42' }] }]);
    await elapse(INTERVAL_MS);
    expect(kafka.commits).toHaveLength(1);
  });

  it('on stop commits what is pending, and every batch still in flight as it finishes', async () => {
    const { kafka, commits } = setUp();
    await commits.processed(kafka.batch(0, '1'));

    await commits.stop();
    await commits.processed(kafka.batch(3, '5'));

    expect(kafka.commits).toEqual([
      { via: 'consumer', offsets: [{ partition: 0, offset: '2' }] },
      { via: 'batch', offsets: [{ partition: 3, offset: '6' }] },
    ]);
  });

  it('keeps a failed commit’s offsets unless a later batch passed them, and tries again', async () => {
    const { kafka, commits, errors } = setUp();
    await commits.processed(kafka.batch(0, '1'));
    await commits.processed(kafka.batch(1, '1'));
    kafka.failNext = true;
    await elapse(INTERVAL_MS);
    expect(errors).toHaveLength(1);

    await commits.processed(kafka.batch(0, '3'));
    await elapse(INTERVAL_MS);

    expect(kafka.commits).toEqual([
      {
        via: 'consumer',
        offsets: [
          { partition: 0, offset: '4' },
          { partition: 1, offset: '2' },
        ],
      },
    ]);
  });

  it('commits nothing for a consumer it abandoned (its successor starts from the last commit)', async () => {
    const { kafka, commits } = setUp();
    await commits.processed(kafka.batch(0, '1'));

    commits.abandon();
    await elapse(INTERVAL_MS * 5);

    expect(kafka.commits).toEqual([]);
  });
});
