import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the messaging layer exposes at `/metrics`, registered on the service's registry. */
export class MessagingMetrics {
  readonly consumed: Counter<'topic'>;
  readonly processed: Counter<'topic' | 'type'>;
  readonly ignored: Counter<'topic' | 'type'>;
  readonly duplicates: Counter<'consumer'>;
  readonly retried: Counter<'topic'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly handlerDuration: Histogram<'topic' | 'mode'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly outboxPending: Gauge;
  readonly outboxOldestAge: Gauge;
  readonly outboxPublished: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'messaging_consumed_total',
      help: 'Messages fetched from Kafka',
      labelNames: ['topic'],
      registers,
    });
    this.processed = new Counter({
      name: 'messaging_processed_total',
      help: 'Events handled successfully',
      labelNames: ['topic', 'type'],
      registers,
    });
    this.ignored = new Counter({
      name: 'messaging_ignored_total',
      help: 'Events of a type the topic carries but this service does not handle (acknowledged)',
      labelNames: ['topic', 'type'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'messaging_duplicates_total',
      help: 'Events skipped because the inbox had them',
      labelNames: ['consumer'],
      registers,
    });
    this.retried = new Counter({
      name: 'messaging_retries_total',
      help: 'Handler attempts that failed and were retried',
      labelNames: ['topic'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'messaging_dead_lettered_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'messaging_handler_duration_seconds',
      help: 'Handler duration, per message or per batch',
      labelNames: ['topic', 'mode'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'messaging_consumer_lag',
      help: 'Messages behind the partition end, as of the last batch',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.outboxPending = new Gauge({
      name: 'messaging_outbox_pending',
      help: 'Outbox events not yet published',
      registers,
    });
    this.outboxOldestAge = new Gauge({
      name: 'messaging_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox event',
      registers,
    });
    this.outboxPublished = new Counter({
      name: 'messaging_outbox_published_total',
      help: 'Outbox events published to Kafka',
      registers,
    });
  }
}
