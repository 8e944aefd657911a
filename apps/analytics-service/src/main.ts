// First: tracing patches http and pg as they load (a no-op unless OTEL_TRACES_EXPORTER is set).
import '@kafka-commerce/platform/tracing';
import 'reflect-metadata';
import { bootstrapService, runService } from '@kafka-commerce/platform';
import { AppModule } from './app.module';
import { loadAnalyticsServiceConfig, ANALYTICS_SERVICE } from './config/analytics-service.config';

runService(async () => {
  const config = loadAnalyticsServiceConfig(process.env);
  await bootstrapService(AppModule.register(config), {
    serviceName: ANALYTICS_SERVICE,
    port: config.PORT,
  });
});
