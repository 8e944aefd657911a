import { fixed, integer, type Table } from '../../bench/report';
import { type BarChart, type BrokerResults, type ModeResults, type Outcome } from './compare';
import { orderingVerdict } from './tally';
import { type ComparisonSizes } from './workload';

/** Every mode that ran, and one "not available" row per broker that did not answer. */
function rows(
  results: readonly BrokerResults[],
  pick: (mode: ModeResults) => string[],
  width: number,
): string[][] {
  return results.flatMap((broker) =>
    broker.unavailable === undefined
      ? broker.modes.map((mode) => [mode.mode, ...pick(mode)])
      : [[broker.broker, 'not available', ...Array<string>(width - 2).fill('')]],
  );
}

/** The numbers, or the reason in the first cell and blanks after it. */
function cells<T>(outcome: Outcome<T>, width: number, format: (value: T) => string[]): string[] {
  return outcome.ok ? format(outcome.value) : [outcome.why, ...Array<string>(width - 1).fill('')];
}

export function comparisonTables(
  results: readonly BrokerResults[],
  sizes: ComparisonSizes,
): { title: string; table: Table }[] {
  const { publishers, eventsPerPublisher } = sizes.throughput;
  const { ratePerSecond, events } = sizes.latency;
  const { keys, eventsPerKey } = sizes.ordering;
  return [
    {
      title: `throughput: ${publishers} publishers x ${integer(eventsPerPublisher)} order.created events, one consumer, first publish -> last receive`,
      table: throughputTable(results),
    },
    {
      title: `latency: ${integer(events)} events one at a time at ${ratePerSecond}/s, publish -> receive`,
      table: latencyTable(results),
    },
    {
      title: `ordering: ${keys} keys x ${eventsPerKey} events in sequence, 2 consumers in one group/queue`,
      table: orderingTable(results),
    },
    {
      title: `consumer crash: ${integer(sizes.crash.events)} events, half acked, more received unacked, consumer closed and started again`,
      table: crashTable(results),
    },
    { title: 'broker resident memory after its run', table: rssTable(results) },
  ];
}

function throughputTable(results: readonly BrokerResults[]): Table {
  const header = ['broker / mode', 'delivery', 'published s', 'received s', 'events/s', 'received', 'unique', 'duplicates', 'lost']; // prettier-ignore
  return {
    header,
    rows: rows(results, (mode) => [mode.delivery, ...cells(mode.throughput, 7, (t) => [
      fixed(t.publishSeconds, 2), fixed(t.seconds, 2), integer(t.eventsPerSecond),
      integer(t.tally.received), integer(t.tally.unique), integer(t.tally.duplicates), integer(t.tally.lost),
    ])], header.length), // prettier-ignore
  };
}

function latencyTable(results: readonly BrokerResults[]): Table {
  const header = ['broker / mode', 'samples', 'p50 ms', 'p99 ms', 'p999 ms', 'max ms', 'lost'];
  return {
    header,
    rows: rows(results, (mode) => cells(mode.latency, 6, ({ summary: s, lost }) => [
      integer(s.samples), fixed(s.p50, 2), fixed(s.p99, 2), fixed(s.p999, 2), fixed(s.max, 2), integer(lost),
    ]), header.length), // prettier-ignore
  };
}

function orderingTable(results: readonly BrokerResults[]): Table {
  const header = ['broker / mode', 'in order per key', 'backwards at a consumer', 'split across consumers', 'events per consumer', 'duplicates', 'lost', 'broker guarantees']; // prettier-ignore
  return {
    header,
    rows: rows(results, (mode) => [...cells(mode.ordering, 6, (o) => [
      orderingVerdict(o.check), integer(o.check.outOfOrderAtConsumer), integer(o.check.splitAcrossConsumers),
      ['c1', 'c2'].map((c) => integer(o.perConsumer[c] ?? 0)).join(' / '),
      integer(o.tally.duplicates), integer(o.tally.lost),
    ]), mode.orderingGuarantee], header.length), // prettier-ignore
  };
}

function crashTable(results: readonly BrokerResults[]): Table {
  const header = ['broker / mode', 'received before crash', 'acked', 'unacked at crash', 'redelivered', 'duplicates', 'lost']; // prettier-ignore
  return {
    header,
    rows: rows(results, (mode) => cells(mode.crash, 6, (c) => [
      integer(c.receivedBeforeCrash), integer(c.ackedBeforeCrash), integer(c.unackedAtCrash),
      `${integer(c.redelivered)} of ${integer(c.unackedAtCrash)}`, integer(c.duplicates), integer(c.lost),
    ]), header.length), // prettier-ignore
  };
}

function rssTable(results: readonly BrokerResults[]): Table {
  return {
    header: ['broker', 'version', 'process', 'pid', 'RSS MiB'],
    rows: results.map((broker) => [
      broker.broker,
      broker.version ?? 'not available',
      broker.process,
      broker.pid === undefined ? 'n/a' : String(broker.pid),
      broker.rssMiB === undefined ? 'n/a' : fixed(broker.rssMiB, 0),
    ]),
  };
}

export function settingsLines(results: readonly BrokerResults[], sizes: ComparisonSizes): string[] {
  return [
    `sizes: ${JSON.stringify(sizes)}`,
    'events: order.created v1 envelopes built with libs/events createEvent (the catalog fixture, a fresh orderId each), JSON-encoded, keyed by orderId',
    ...results.flatMap((broker) =>
      broker.unavailable === undefined
        ? broker.modes.map((mode) => `${mode.mode}: ${mode.settings}`)
        : [`${broker.broker}: not available (${broker.unavailable})`],
    ),
  ];
}

/**
 * One line per broker for an order pipeline, from its best-delivery mode's numbers: does it
 * keep every event, in order per order, through a consumer crash, and how fast.
 */
export function verdicts(results: readonly BrokerResults[]): string[] {
  return results.map((broker) => {
    const mode = broker.modes.find((m) => m.delivery === 'acked') ?? broker.modes[0];
    if (broker.unavailable !== undefined || !mode) return `${broker.broker}: not available`;
    const parts: string[] = [];
    const { throughput, latency, ordering, crash } = mode;
    if (throughput.ok) {
      const { lost, duplicates } = throughput.value.tally;
      parts.push(`lost ${integer(lost)}, duplicates ${integer(duplicates)}`);
      parts.push(`${integer(throughput.value.eventsPerSecond)} ev/s`);
    }
    if (latency.ok) parts.push(`p99 ${fixed(latency.value.summary.p99, 2)} ms`);
    if (ordering.ok) {
      const check = ordering.value.check;
      parts.push(check.keysOutOfOrder === 0 ? 'ordered per key' : `NOT ordered per key (${check.keysOutOfOrder} keys)`); // prettier-ignore
    }
    if (crash.ok) {
      const c = crash.value;
      parts.push(c.lost === 0 && c.redelivered === c.unackedAtCrash ? 'redelivers after a consumer crash' : `consumer crash: ${c.lost} lost`); // prettier-ignore
    }
    return `${broker.broker} — ${mode.mode}: ${mode.durability}; ${parts.join(', ')}`;
  });
}

export function charts(results: readonly BrokerResults[]): BarChart[] {
  const modes = results.flatMap((broker) => broker.modes);
  const bars = (value: (mode: ModeResults) => number | undefined) =>
    modes.flatMap((mode) => {
      const v = value(mode);
      return v === undefined || !Number.isFinite(v) ? [] : [{ label: mode.mode, value: v }];
    });
  return [
    {
      title: 'throughput, events/s (higher is better)',
      unit: 'events/s',
      bars: bars((m) => (m.throughput.ok ? m.throughput.value.eventsPerSecond : undefined)),
    },
    {
      title: 'latency p99, ms (lower is better)',
      unit: 'ms',
      bars: bars((m) => (m.latency.ok ? m.latency.value.summary.p99 : undefined)),
    },
  ];
}
