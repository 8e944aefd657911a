import { type z } from 'zod';
import { type TopicName } from './topics';

/**
 * One published version of one event type. The type name is a wire contract written as a
 * string literal, never derived from a class name, so renaming code cannot break consumers.
 */
export interface EventDefinition<
  TType extends string = string,
  TSchema extends z.ZodType = z.ZodType,
  TTopic extends TopicName = TopicName,
> {
  readonly type: TType;
  readonly version: number;
  readonly topic: TTopic;
  readonly schema: TSchema;
  /** The aggregate id used as the Kafka message key, so one aggregate's events stay in order. */
  readonly key: (payload: z.infer<TSchema>) => string;
}

export function defineEvent<
  TType extends string,
  TSchema extends z.ZodType,
  TTopic extends TopicName,
>(definition: EventDefinition<TType, TSchema, TTopic>): EventDefinition<TType, TSchema, TTopic> {
  return definition;
}

export type PayloadOf<TDefinition> =
  TDefinition extends EventDefinition<string, infer TSchema> ? z.infer<TSchema> : never;
