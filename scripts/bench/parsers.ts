import { parseQueryResponse } from '../../server/prometheus/query-data';
import { parseTraceV2 } from '../../server/tempo/parse-trace';
import { assembleTrace } from '../../lib/traces/assemble';
import { criticalPath } from '../../lib/traces/critical-path';
import { traceCalls } from '../../lib/traces/hops';
import { spanRows } from '../../lib/traces/span-tree';
import { measure, type Figure } from './measure';

/** A Prometheus instant-vector answer with `n` Istio-like series, as the graph's queries return them. */
function prometheusVector(n: number): string {
  const result = Array.from({ length: n }, (_, i) => ({
    metric: {
      source_workload: `client-${i % 97}`,
      source_workload_namespace: `ns-${i % 50}`,
      destination_workload: `server-${i}`,
      destination_workload_namespace: `ns-${(i * 7) % 50}`,
      destination_service: `server-${i}.ns-${(i * 7) % 50}.svc.cluster.local`,
      response_code: i % 10 === 0 ? '503' : '200',
      reporter: 'waypoint',
      connection_security_policy: 'mutual_tls',
    },
    value: [1_763_700_000, String((i % 13) * 0.731)],
  }));
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
}

/** A Tempo v2 trace answer with `n` spans over 20 services, ids in base64 as Tempo sends them. */
function tempoTrace(n: number): unknown {
  const traceId = Buffer.from('0123456789abcdef0123456789abcdef', 'hex').toString('base64');
  const spanId = (i: number): string =>
    Buffer.from(i.toString(16).padStart(16, '0'), 'hex').toString('base64');
  const services = Array.from({ length: 20 }, (_, s) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${s}` } }] },
    scopeSpans: [
      {
        spans: Array.from({ length: n / 20 }, (_, k) => {
          const i = s * (n / 20) + k + 1;
          return {
            traceId,
            spanId: spanId(i),
            parentSpanId: i > 1 ? spanId(Math.floor(i / 2)) : undefined,
            name: `GET /api/${s}`,
            kind: 'SPAN_KIND_SERVER',
            startTimeUnixNano: String(1_763_700_000_000_000_000n + BigInt(i) * 1000n),
            endTimeUnixNano: String(1_763_700_000_000_000_000n + BigInt(i) * 1000n + 5_000_000n),
            attributes: [
              { key: 'http.status_code', value: { intValue: '200' } },
              { key: 'istio.destination_workload', value: { stringValue: `svc-${s}-v1` } },
            ],
            status: {},
          };
        }),
      },
    ],
  }));
  return { trace: { resourceSpans: services } };
}

/** Parser throughput at two sizes; the ratio shows whether cost grows linearly with the answer. */
export function parserFigures(): Figure[] {
  const figures: Figure[] = [];
  const ctx = { operation: 'query', url: new URL('http://prometheus:9090/api/v1/query') };
  for (const n of [1_000, 10_000]) {
    const body = prometheusVector(n);
    const res = { status: 200, contentType: 'application/json', body };
    figures.push(measure('prometheus-vector-parse', n, () => parseQueryResponse(res, ctx)));
  }
  for (const n of [1_000, 10_000]) {
    const body = tempoTrace(n);
    figures.push(measure('tempo-trace-parse', n, () => parseTraceV2(body)));
    // What the trace view computes before its first frame: rows, the critical path, the calls for the graph.
    const trace = assembleTrace('0123456789abcdef0123456789abcdef', parseTraceV2(body).spans, {
      partial: false,
    });
    figures.push(
      measure('trace-view-model', n, () => [spanRows(trace), criticalPath(trace), traceCalls(trace)]),
    );
  }
  return figures;
}
