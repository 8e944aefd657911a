import { type DynamicModule, Module } from '@nestjs/common';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { createKafkaClient, KAFKA_CLIENT, type KafkaConnectionOptions } from './kafka-connection';
import { KafkaProbe } from './kafka.probe';

@Module({})
export class KafkaModule {
  static forRoot(options: KafkaConnectionOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [
        {
          provide: KAFKA_CLIENT,
          useFactory: () =>
            createKafkaClient(options, { connectionTimeout: 3000, requestTimeout: 5000 }),
        },
        EventPublisher,
        EventConsumer,
        KafkaProbe,
      ],
      exports: [KAFKA_CLIENT, EventPublisher, EventConsumer, KafkaProbe],
    };
  }
}
