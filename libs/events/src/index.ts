export * from './catalog';
export * from './create-event';
export * from './dead-letter';
export * from './define-event';
export * from './envelope';
export * from './parse-event';
export * from './topics';
export * from './users/user-registered.v1';
