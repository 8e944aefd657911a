import { prometheusConfig } from './prometheus-config';
import { resolveProfile } from './profile';

describe('the prometheus.yml of a stack', () => {
  const config = (name: 'dev' | 'test') =>
    prometheusConfig(resolveProfile(name, {}), '/rules/*.yml');

  it("scrapes every service on its profile's port, labelled with its name", () => {
    const yml = config('test');
    expect(yml).toContain(
      "- targets: ['127.0.0.1:3101']\n        labels: { service: user-service }",
    );
    expect(yml).toContain(
      "- targets: ['127.0.0.1:3106']\n        labels: { service: analytics-service }",
    );
    expect(yml.match(/- targets:/g)).toHaveLength(6);
    expect(yml).toContain('job_name: kafka-commerce');
  });

  it('keeps the services own `service` label rather than renaming it', () => {
    expect(config('dev')).toContain('honor_labels: true');
  });

  it('scrapes and evaluates every second for the suites, every 15 s for people', () => {
    expect(config('test')).toMatch(/scrape_interval: 1s\n\s+evaluation_interval: 1s/);
    expect(config('dev')).toMatch(/scrape_interval: 15s\n\s+evaluation_interval: 15s/);
  });

  it('loads the rule files', () => {
    expect(config('dev')).toContain('rule_files:\n  - "/rules/*.yml"');
  });
});
