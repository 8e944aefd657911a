export * from './wait-for';
export * from './test-broker';
export * from './kafka-broker';
export * from './test-backend';
export * from './test-backends';
export * from './kafka-cluster';
export * from './test-database';
export * from './request-validation';
