/** A span as Zipkin's v2 API returns it (the fields read here). */
export interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly kind?: string;
  /** Microseconds since the epoch. */
  readonly timestamp: number;
  /** Microseconds. */
  readonly duration?: number;
  readonly localEndpoint: { readonly serviceName: string };
}

/**
 * The traces that an order's events are part of: every messaging span carries the Kafka key,
 * and an order's events are keyed by the order id.
 */
export async function tracesOfOrder(zipkinUrl: string, orderId: string): Promise<ZipkinSpan[][]> {
  const query = new URLSearchParams({
    annotationQuery: `messaging.kafka.message.key=${orderId}`,
    lookback: String(7 * 24 * 3600_000),
    limit: '10',
  });
  const url = `${zipkinUrl}/api/v2/traces?${query.toString()}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`no Zipkin answers at ${zipkinUrl} (is the stack up?)`, { cause: error });
  }
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as ZipkinSpan[][];
}

/**
 * One line per span, children under their parent in start order: when each started (ms into
 * the trace), how long it took, and where.
 */
export function formatTrace(spans: readonly ZipkinSpan[]): string[] {
  const start = Math.min(...spans.map((span) => span.timestamp));
  const ids = new Set(spans.map((span) => span.id));
  const children = new Map<string | undefined, ZipkinSpan[]>();
  for (const span of [...spans].sort((a, b) => a.timestamp - b.timestamp)) {
    // A span whose parent is not in the trace (not reported yet) is shown at the top.
    const parent =
      span.parentId !== undefined && ids.has(span.parentId) ? span.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const visit = (span: ZipkinSpan, depth: number): void => {
    const at = ((span.timestamp - start) / 1000).toFixed(1).padStart(8);
    const took = ((span.duration ?? 0) / 1000).toFixed(1);
    const kind = span.kind ? ` [${span.kind.toLowerCase()}]` : '';
    lines.push(
      `${at} ms ${'  '.repeat(depth)}${span.localEndpoint.serviceName}: ${oneLine(span.name)}${kind} ${took} ms`,
    );
    for (const child of children.get(span.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(undefined) ?? []) visit(root, 0);
  return lines;
}

/** Query spans are named after their SQL, which may hold line breaks. */
function oneLine(name: string): string {
  return name.replace(/\s+/g, ' ');
}
