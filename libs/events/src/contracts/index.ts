export * from './asyncapi';
export * from './asyncapi-message';
export * from './event-json-schema';
export * from './json';
export * from './schema-snapshots';
