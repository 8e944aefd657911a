import { Inject, Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka-connection';

/** Readiness: the broker answers a metadata request within a short timeout. */
@Injectable()
export class KafkaProbe {
  readonly probeName = 'kafka';

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  async ping(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}
