import { waitFor, type WaitOptions } from '@kafka-commerce/testing';

/** An alert as Prometheus lists it while it is active (resolved alerts are not listed). */
export interface PrometheusAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly state: 'pending' | 'firing';
  readonly activeAt: string;
  readonly value: string;
}

function prometheusUrl(): string {
  const url = process.env.E2E_PROMETHEUS_URL;
  if (!url) throw new Error('E2E_PROMETHEUS_URL is not set: the stack runs no Prometheus');
  return url;
}

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${prometheusUrl()}/api/v1/${query}`);
  const body = (await response.json()) as { status: string; data: T; error?: string };
  if (!response.ok || body.status !== 'success')
    throw new Error(`Prometheus /api/v1/${query}: ${response.status} ${body.error ?? ''}`);
  return body.data;
}

export async function activeAlerts(): Promise<PrometheusAlert[]> {
  return (await api<{ alerts: PrometheusAlert[] }>('alerts')).alerts;
}

/** The names of the alerting rules Prometheus has loaded. */
export async function alertingRuleNames(): Promise<string[]> {
  const { groups } = await api<{ groups: { rules: { name: string }[] }[] }>('rules?type=alert');
  return groups.flatMap((group) => group.rules.map((rule) => rule.name));
}

/** The active alert carrying all of these labels, if there is one. */
export function findAlert(
  alerts: readonly PrometheusAlert[],
  labels: Readonly<Record<string, string>>,
): PrometheusAlert | undefined {
  return alerts.find((alert) =>
    Object.entries(labels).every(([name, value]) => alert.labels[name] === value),
  );
}

/** Polls Prometheus's active alerts until `condition` holds for them; returns that list. */
export function awaitAlerts(
  condition: (alerts: readonly PrometheusAlert[]) => boolean,
  options: WaitOptions,
): Promise<PrometheusAlert[]> {
  return waitFor(
    async () => {
      const alerts = await activeAlerts();
      return condition(alerts) ? alerts : undefined;
    },
    { intervalMs: 1000, ...options },
  );
}
