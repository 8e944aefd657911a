import { Injectable } from '@nestjs/common';
import { type OutgoingEventOn } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { AnalyticsDatabase } from '../../database';
import { ReadingIntake } from '../application/ports/reading-intake';

@Injectable()
export class OutboxReadingIntake extends ReadingIntake {
  constructor(
    private readonly db: AnalyticsDatabase,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async accept(events: readonly OutgoingEventOn<'sensor.temperature'>[]): Promise<void> {
    // One INSERT … SELECT for the whole batch: atomic without an explicit transaction.
    await this.outbox.append(this.db, events);
  }
}
