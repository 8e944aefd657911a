export * from './access-tokens';
export * from './auth-options';
export * from './auth.guard';
export * from './auth.module';
export * from './authenticated-user';
export * from './decorators';
