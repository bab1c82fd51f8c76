/** A VirtualService impact for one host: a header route to v2, the rest split 80/20 with a fault. */
import type { HostImpact } from '@/lib/impact/virtual-service-impact';

export const HOST: HostImpact = {
  service: { namespace: 'bookinfo', name: 'reviews' },
  routes: [
    {
      match: 'requests with header end-user = jason',
      targets: [{ host: 'reviews', subset: 'v2', weight: 100, workloads: ['workload:bookinfo/reviews-v2'] }],
      fault: null,
      timeout: null,
      retries: null,
    },
    {
      match: 'all other requests',
      targets: [
        { host: 'reviews', subset: 'v1', weight: 80, workloads: ['workload:bookinfo/reviews-v1'] },
        { host: 'reviews', subset: 'v3', weight: 20, workloads: ['workload:bookinfo/reviews-v3'] },
      ],
      fault: 'abort with HTTP 503 for 10%',
      timeout: '2s',
      retries: '3 attempts',
    },
  ],
  current: [
    { workload: 'workload:bookinfo/reviews-v1', requestsPerSecond: 3, share: 0.5 },
    { workload: 'workload:bookinfo/reviews-v2', requestsPerSecond: 3, share: 0.5 },
  ],
  expected: [
    { workload: 'workload:bookinfo/reviews-v1', share: 0.8 },
    { workload: 'workload:bookinfo/reviews-v3', share: 0.2 },
  ],
  callers: [{ source: 'workload:bookinfo/productpage-v1', requestsPerSecond: 6 }],
  notes: [],
};
