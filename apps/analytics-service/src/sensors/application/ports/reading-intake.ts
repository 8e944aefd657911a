import { type OutgoingEventOn } from '@kafka-commerce/events';

/** Port: where accepted readings go before the stream processes them. */
export abstract class ReadingIntake {
  /** Stores every reading's event atomically: all of them are published, or none. */
  abstract accept(events: readonly OutgoingEventOn<'sensor.temperature'>[]): Promise<void>;
}
