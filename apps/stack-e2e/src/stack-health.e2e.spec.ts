import { SERVICE_KEYS, serviceUrl } from './support/stack';

describe('every service of the stack', () => {
  it.each(SERVICE_KEYS)(
    '%s-service is ready: its database and Kafka are reachable',
    async (service) => {
      const response = await fetch(`${serviceUrl(service)}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, kafka: { status: 'up' } },
      });
    },
  );

  it.each(SERVICE_KEYS)(
    '%s-service serves Prometheus metrics and its OpenAPI document',
    async (service) => {
      const metrics = await fetch(`${serviceUrl(service)}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain(`process_cpu_seconds_total{service="${service}-service"}`);
      expect(text).toContain(`messaging_outbox_pending{service="${service}-service"}`);
      const openApi = await fetch(`${serviceUrl(service)}/docs-json`);
      expect(openApi.status).toBe(200);
      expect(await openApi.json()).toMatchObject({ info: { title: `${service}-service` } });
    },
  );
});
