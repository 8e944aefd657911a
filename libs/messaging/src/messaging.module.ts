import { type DynamicModule, Module } from '@nestjs/common';
import { KafkaEventServer } from './consumer/kafka-event.server';
import { EventPublisher } from './event-publisher';
import { Inbox } from './inbox/inbox';
import { createKafkaClient, KAFKA_CLIENT } from './kafka-connection';
import { KafkaProbe } from './kafka.probe';
import { MessagingLifecycle } from './messaging-lifecycle';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { Outbox } from './outbox/outbox';
import { type Pool } from 'pg';
import { createOutboxPool, OUTBOX_POOL } from './outbox/outbox-pool';
import { OutboxRelay } from './outbox/outbox-relay';

// Provided and exported as they are; the factories above need their options.
const MESSAGING_SERVICES = [
  EventPublisher,
  Outbox,
  Inbox,
  KafkaProbe,
  KafkaEventServer,
  MessagingLifecycle,
];

/** Kafka for a service: outbox + relay for producing, inbox + transport for consuming. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA_CLIENT,
          useFactory: () =>
            createKafkaClient(
              { clientId: options.serviceName, brokers: options.brokers },
              { connectionTimeout: 3000, requestTimeout: 10_000 },
            ),
        },
        { provide: MessagingMetrics, useFactory: () => new MessagingMetrics(options.registry) },
        {
          provide: OUTBOX_POOL,
          useFactory: () => createOutboxPool(options.databaseUrl),
        },
        {
          provide: OutboxRelay,
          useFactory: (pool: Pool, publisher: EventPublisher, metrics: MessagingMetrics) =>
            new OutboxRelay(pool, publisher, metrics, {
              ...options.relay,
              databaseUrl: options.databaseUrl,
            }),
          inject: [OUTBOX_POOL, EventPublisher, MessagingMetrics],
        },
        ...MESSAGING_SERVICES,
      ],
      exports: [KAFKA_CLIENT, OutboxRelay, MessagingMetrics, ...MESSAGING_SERVICES],
    };
  }
}
