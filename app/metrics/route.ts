import { route } from '@/server/http/route';
import { dashboardMetrics } from '@/server/observability/metrics';

export const dynamic = 'force-dynamic';

/** The dashboard's own metrics in the Prometheus text format: route and upstream latency, errors, cache sizes. */
export const GET = route('metrics', async () => {
  const { registry } = dashboardMetrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
});
