import { formatTrace, type ZipkinSpan } from './zipkin-trace';

function span(id: string, name: string, at: number, parentId?: string): ZipkinSpan {
  return {
    traceId: 't',
    id,
    name,
    timestamp: 1_000_000 + at * 1000,
    duration: 2500,
    localEndpoint: { serviceName: 'order-service' },
    ...(parentId === undefined ? {} : { parentId }),
  };
}

describe('formatTrace', () => {
  it('puts children under their parent, in start order, with times into the trace', () => {
    const lines = formatTrace([
      span('c', 'process orders', 9, 'b'),
      span('a', 'post /orders', 0),
      span('b', 'publish orders', 4, 'a'),
      span('d', 'pg.query:begin;\n\n kc_order', 2, 'a'),
    ]);
    expect(lines).toEqual([
      '     0.0 ms order-service: post /orders 2.5 ms',
      '     2.0 ms   order-service: pg.query:begin; kc_order 2.5 ms',
      '     4.0 ms   order-service: publish orders 2.5 ms',
      '     9.0 ms     order-service: process orders 2.5 ms',
    ]);
  });

  it('shows a span whose parent has not arrived yet at the top', () => {
    expect(formatTrace([span('x', 'process payments', 0, 'missing')])).toEqual([
      '     0.0 ms order-service: process payments 2.5 ms',
    ]);
  });
});
