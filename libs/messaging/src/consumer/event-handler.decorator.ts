import { EventPattern } from '@nestjs/microservices';
import { type EventDefinition, type TopicName } from '@kafka-commerce/events';

export interface EventHandlerOptions {
  /** The event versions this handler understands; anything else on the topic is dead-lettered. */
  readonly accepts: readonly EventDefinition[];
  /**
   * The handler takes an array of events and applies them in one transaction (all or none).
   * If a batch fails, its events are retried one at a time so a single bad event cannot hold
   * the others back.
   */
  readonly batch?: boolean;
}

export const EVENT_HANDLER_EXTRAS = 'kafkaCommerceEventHandler';

/**
 * Subscribes a controller method to a topic. The service joins the consumer group
 * `<service>.<topic>`; the method receives validated events — one per call, or an array
 * with `batch: true` — through `@Payload()`.
 */
export function EventHandler(topic: TopicName, options: EventHandlerOptions): MethodDecorator {
  return EventPattern(topic, { [EVENT_HANDLER_EXTRAS]: options });
}
