import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import type { HealthThresholds } from '@/lib/graph/health';
import { mtlsView } from '@/lib/mesh/mtls-view';
import type { MtlsView } from '@/lib/mesh/views-types';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { PostureParams, PostureSources } from './posture';
import { readKinds, readViewTraffic, viewAnswer, workloadGroups } from './view-sources';

/** The kinds the mTLS view reads. */
const KINDS = ['namespaces', 'pods', 'peerauthentications'] as const;

/**
 * The Mesh page's mTLS (`GET /api/mesh/mtls`): the effective PeerAuthentication of every namespace and workload
 * from the watch cache, and what the workload graph's edges showed (mTLS share, identities, plaintext and who sent
 * it), judged into findings (`lib/mesh/mtls-view.ts`). A kind that cannot be read, or metrics that cannot, add to
 * `errors`; the view then says which part is unknown (`policiesKnown`, `trafficKnown`).
 */
export async function readMtlsView(
  params: PostureParams,
  sources: PostureSources,
  options: { signal?: AbortSignal; thresholds?: HealthThresholds; now?: () => number } = {},
): Promise<DataResponse<MtlsView>> {
  const started = performance.now();
  const end = new Date((options.now ?? Date.now)());
  const errors: SourceErrorDTO[] = [];
  const lists = readKinds(sources.kube, KINDS, errors);
  const traffic = await readViewTraffic(sources, params.windowSeconds, options);
  const view = mtlsView({
    namespaces: lists.namespaces ?? [],
    workloads: workloadGroups(lists.pods ?? []),
    peerAuthentications: lists.peerauthentications,
    edges: traffic.edges,
  });
  return viewAnswer(view, { windowSeconds: params.windowSeconds, end, started, traffic, errors });
}
