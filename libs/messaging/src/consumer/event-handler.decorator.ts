import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { type EventDefinition, type TopicName } from '@kafka-commerce/events';
import { HandlerErrorFilter } from './handler-error.filter';

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
 * with `batch: true` — through `@Payload()`. A handler's error reaches the transport as it
 * was thrown (`HandlerErrorFilter`), for its retry log and its dead letter. The filter is bound
 * here, per handler: a hybrid service's microservice is initialised when it is connected, so
 * a global filter registered after that was never applied (Nest warned, and dead letters said
 * `[object Object]` in the services while the test kit, a standalone microservice, was fine).
 */
export function EventHandler(topic: TopicName, options: EventHandlerOptions): MethodDecorator {
  return applyDecorators(
    EventPattern(topic, { [EVENT_HANDLER_EXTRAS]: options }),
    UseFilters(new HandlerErrorFilter()),
  );
}
