import type { Span, Trace } from '@/lib/traces/types';

const SERVICES = ['productpage.bookinfo', 'reviews.bookinfo', 'ratings.bookinfo', 'details.bookinfo'];

/**
 * A synthetic trace of `count` spans for rendering tests: a tree with a fan-out of `fanOut` (breadth-first ids),
 * children inside their parent's time, every 97th span failing and every 13th made by a waypoint.
 */
export function generateTrace(count: number, fanOut = 4): Trace {
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const startMs = 1_700_000_000_000;
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? null : spans[Math.floor((i - 1) / fanOut)];
    const depthShrink = parent ? parent.durationMs / (fanOut + 1) : 2_000;
    const slot = (i - 1) % fanOut;
    const spanStart = parent ? parent.startMs + depthShrink * (slot + 0.5) : startMs;
    const error = i > 0 && i % 97 === 0;
    spans.push({
      traceId,
      spanId: i.toString(16).padStart(16, '0'),
      parentSpanId: parent ? parent.spanId : null,
      name: `GET /call/${i}`,
      service: SERVICES[i % SERVICES.length] ?? 'x',
      kind: i % 2 === 0 ? 'server' : 'client',
      startTimeUnixNano: `${Math.round(spanStart * 1e6)}`,
      startMs: spanStart,
      durationMs: parent ? depthShrink * 0.9 : 2_000,
      status: error ? { code: 'error', message: 'upstream connect error' } : { code: 'unset' },
      attributes: {
        ...(i % 13 === 0
          ? { node_id: `waypoint~10.0.0.9~waypoint-abc.bookinfo~bookinfo.svc.cluster.local` }
          : {}),
        'http.status_code': error ? 503 : 200,
        ...(error ? { response_flags: 'UF' } : {}),
      },
      resource: { 'service.name': SERVICES[i % SERVICES.length] ?? 'x' },
      events: [],
    });
  }
  return {
    traceId,
    spans,
    partial: false,
    rootService: SERVICES[0] ?? '',
    rootName: 'GET /call/0',
    startMs,
    durationMs: 2_000,
    serviceCount: Math.min(count, SERVICES.length),
    errorCount: spans.filter((s) => s.status.code === 'error').length,
  };
}
