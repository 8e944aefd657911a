export * from './effects-recorder';
export * from './messaging-test-kit';
export * from './own-broker-consumer';
