export * from './env-schemas';
export * from './parse-config';
