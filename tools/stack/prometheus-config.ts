import path from 'node:path';
import { REPO_ROOT, servicePort, type StackProfile } from './profile';
import { SERVICES } from './services';

/** The alert rules, written by hand in the repo; a glob that matches nothing is no error. */
export const RULE_FILES = path.join(REPO_ROOT, 'ops', 'prometheus', 'rules', '*.yml');

/**
 * prometheus.yml for one stack: the six services' /metrics as job `kafka-commerce`, one
 * target each with a `service` label, and the repo's rule files. Same job, labels and rules
 * as ops/prometheus/prometheus.compose.yml, so a rule behaves alike under both.
 */
export function prometheusConfig(profile: StackProfile, ruleFiles = RULE_FILES): string {
  const interval = `${profile.prometheus.intervalSeconds}s`;
  const targets = SERVICES.map((service) =>
    [
      `      - targets: ['127.0.0.1:${servicePort(profile, service)}']`,
      `        labels: { service: ${service.name} }`,
    ].join('\n'),
  );
  return `# Written by tools/stack on every start of the ${profile.name} stack; edits are overwritten.
global:
  scrape_interval: ${interval}
  evaluation_interval: ${interval}
  # A scrape may take as long as the interval, no longer (Prometheus refuses more).
  scrape_timeout: ${interval}

rule_files:
  - ${JSON.stringify(ruleFiles)}

scrape_configs:
  - job_name: kafka-commerce
    metrics_path: /metrics
    # Each service labels its own series service="<name>" too; honouring that keeps one
    # \`service\` label (the same value) instead of renaming the scraped one exported_service.
    honor_labels: true
    static_configs:
${targets.join('\n')}
`;
}
