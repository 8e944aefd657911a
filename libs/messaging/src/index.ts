export * from './dead-letter';
export * from './event-consumer';
export * from './event-publisher';
export * from './kafka-connection';
export * from './kafka-transport';
export * from './kafka.module';
export * from './kafka.probe';
