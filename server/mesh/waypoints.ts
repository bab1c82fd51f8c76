import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import type { HealthThresholds } from '@/lib/graph/health';
import type { WaypointsView } from '@/lib/mesh/views-types';
import { waypointsView } from '@/lib/mesh/waypoints-view';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { PostureParams, PostureSources } from './posture';
import { readKinds, readViewTraffic, viewAnswer, workloadGroups } from './view-sources';

/** The kinds the waypoints view reads. */
const KINDS = [
  'namespaces',
  'pods',
  'services',
  'serviceentries',
  'gatewayclasses',
  'gateways',
  'deployments',
] as const;

/**
 * The Mesh page's waypoints (`GET /api/mesh/waypoints`): every waypoint Gateway with what is bound to it and the
 * traffic through it (the workload graph's edges whose `via` is it), and the effective waypoint of every Service,
 * ServiceEntry and workload of the namespaces that use waypoints (`lib/mesh/waypoints-view.ts`). A kind that
 * cannot be read, or metrics that cannot, add to `errors` and leave their part empty or null.
 */
export async function readWaypointsView(
  params: PostureParams,
  sources: PostureSources,
  options: { signal?: AbortSignal; thresholds?: HealthThresholds; now?: () => number } = {},
): Promise<DataResponse<WaypointsView>> {
  const started = performance.now();
  const end = new Date((options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const lists = readKinds(sources.kube, KINDS, errors);
  const traffic = await readViewTraffic(sources, params.windowSeconds, options);
  const view = waypointsView({
    namespaces: lists.namespaces ?? [],
    services: lists.services ?? [],
    serviceEntries: lists.serviceentries ?? [],
    workloads: workloadGroups(lists.pods ?? []),
    gateways: lists.gateways ?? [],
    gatewayClasses: lists.gatewayclasses ?? [],
    deployments: lists.deployments,
    edges: traffic.edges,
  });
  return viewAnswer(view, { windowSeconds: params.windowSeconds, end, started, traffic, errors });
}
