import {
  isBrokerCount,
  kafkaBrokers,
  prometheusUrl,
  resolveProfile,
  smsUrl,
  zipkinUrl,
} from './profile';

describe('the brokers of a stack profile', () => {
  it('is the profile broker alone by default', () => {
    expect(kafkaBrokers(resolveProfile('dev', {}))).toEqual(['127.0.0.1:9092']);
  });

  it('is every node of a three-node cluster, two ports apart (controllers between)', () => {
    expect(kafkaBrokers(resolveProfile('dev', {}, 3))).toEqual([
      '127.0.0.1:9092',
      '127.0.0.1:9094',
      '127.0.0.1:9096',
    ]);
  });

  it('is KAFKA_BROKERS as given, whatever the count', () => {
    const env = { KAFKA_BROKERS: 'kafka:19092, kafka-2:19092' };
    expect(kafkaBrokers(resolveProfile('dev', env, 3))).toEqual(['kafka:19092', 'kafka-2:19092']);
  });

  it('knows one broker or three, nothing else', () => {
    expect([0, 1, 2, 3, 5].filter(isBrokerCount)).toEqual([1, 3]);
  });
});

describe('the Zipkin and Prometheus of a stack profile', () => {
  it.each([
    ['dev', 9411, 9090, 15],
    ['test', 9511, 9190, 1],
    ['faults', 9611, 9290, 1],
    ['bench', 9811, 9490, 15],
  ] as const)('%s: Zipkin on %i, Prometheus on %i every %is', (name, zipkin, prometheus, every) => {
    const profile = resolveProfile(name, {});
    expect(zipkinUrl(profile)).toBe(`http://127.0.0.1:${zipkin}`);
    expect(prometheusUrl(profile)).toBe(`http://127.0.0.1:${prometheus}`);
    expect(profile.prometheus.intervalSeconds).toBe(every);
  });
});

describe('the SMS sink of a stack profile', () => {
  it.each([
    ['dev', 8026],
    ['test', 8126],
    ['faults', 8226],
    ['bench', 8426],
  ] as const)('%s: on %i, next to the mail catcher’s web port', (name, port) => {
    const profile = resolveProfile(name, {});
    expect(smsUrl(profile)).toBe(`http://127.0.0.1:${port}`);
    expect(profile.sms.httpPort).toBe(profile.mail.httpPort + 1);
  });
});
