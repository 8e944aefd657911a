import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KafkaEventServer } from '@kafka-commerce/messaging';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { answerOversizedBodies, BODY_LIMIT_BYTES } from './http/oversized-body';
import { createValidationPipe } from './http/validation';
import { ServiceMetrics } from './metrics/metrics';
import { nameHttpSpanAfterRoute } from './tracing/tracing';

export interface ServiceBootstrapOptions {
  readonly serviceName: string;
  readonly port: number;
}

/**
 * Starts a hybrid service: HTTP (Fastify) for clients and Kafka consumers for events.
 * On SIGTERM Nest stops HTTP and the consumers (finishing batches in flight), then runs the
 * shutdown sequence: outbox flush, producer, database.
 */
export async function bootstrapService(
  appModule: Type | DynamicModule,
  options: ServiceBootstrapOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    appModule,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES }),
    { bufferLogs: true },
  );
  answerOversizedBodies(app);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  recordRequestDurations(app);
  nameHttpSpansAfterRoutes(app);
  serveOpenApi(app, options.serviceName);
  // Every service is hybrid; a service without @EventHandler methods simply subscribes to nothing.
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: true });
  // Init hooks first (the producer connects, the relay starts), consumers after: a consumer
  // that dead-letters before the idempotent producer has its id trips kafkajs
  // (`releaseBrokerLock` of a lock it never took) and dies for good — seen after a restart
  // whose first messages were poison. app.listen() then only opens the port.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port, '0.0.0.0');
  app.get(Logger).log(`${options.serviceName} listening on port ${options.port}`);
  return app;
}

function serveOpenApi(app: NestFastifyApplication, serviceName: string): void {
  const config = new DocumentBuilder()
    .setTitle(serviceName)
    .setDescription(`REST API of ${serviceName} (kafka-commerce)`)
    .addBearerAuth()
    .build();
  // Zod DTOs describe themselves to Swagger in a form only cleanupOpenApiDoc finishes.
  SwaggerModule.setup('docs', app, () =>
    cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)),
  );
}

function recordRequestDurations(app: NestFastifyApplication): void {
  const histogram = app.get(ServiceMetrics).httpRequestDuration;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      histogram.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
}

function nameHttpSpansAfterRoutes(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      if (request.routeOptions.url) nameHttpSpanAfterRoute(request.routeOptions.url);
      done();
    });
}
