/**
 * The namespace page (`GET /api/mesh/namespaces/<ns>`) without its series: the Overview's card for the namespace
 * (`meshPosture`, so the numbers and problems are the Overview's), a row per application workload (data plane,
 * effective waypoint with the reason, effective PeerAuthentication, inbound rates from the graph's edges), and the
 * policies in it with where each is enforced. Pure: the server passes the watch cache's objects and the edges.
 */
import { workloadNodeId } from '@/lib/graph/ids';
import type { Health } from '@/lib/graph/types';
import { effectivePeerAuthentication, ROOT_NAMESPACE } from '@/lib/istio';
import { isEmptySelector, type LabelSelector } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';
import type { GraphEdge } from '@/lib/graph/types';
import {
  authorizationRow,
  authorizationRows,
  peerAuthenticationApplies,
  peerAuthenticationRow,
  peerEnforcement,
} from './detail-policies';
import { inboundStats } from './detail-peers';
import { namespaceRoutingRows, type RoutingObjects } from './detail-routes';
import {
  judgeWorkload,
  namespaceMap,
  routedServices,
  waypointFields,
  type JudgedWorkload,
} from './detail-subject';
import type {
  EnforcementKind,
  NamespaceDetail,
  NamespaceWorkloadRow,
  PolicyKind,
  PolicyRow,
} from './detail-types';
import { isPodReady } from './kube-facts';
import { modeSource } from './mtls-view';
import { meshPosture, type MeshPostureInput } from './overview';
import { isApplicationWorkload, type WorkloadGroup } from './view-inputs';

/** What the page reads besides the posture's inputs. A list that could not be read is null. */
export interface NamespaceDetailInput extends MeshPostureInput {
  /** Every workload of the cluster (pods grouped by controller). */
  workloads: readonly WorkloadGroup[];
  authorizationPolicies: readonly KubeObject[] | null;
  routing: RoutingObjects;
  /** The workload graph's edges touching the namespace; null when the metrics could not be read. */
  edges: readonly GraphEdge[] | null;
  /** The graph's health by node id; absent nodes had no traffic. Null when the metrics could not be read. */
  health: ReadonlyMap<string, Health> | null;
  rootNamespace?: string;
}

/** The order of kinds in the policy table. */
const KIND_ORDER: readonly PolicyKind[] = [
  'AuthorizationPolicy',
  'PeerAuthentication',
  'VirtualService',
  'HTTPRoute',
  'DestinationRule',
];

const rowKey = (row: PolicyRow): string => `${row.namespace}/${row.name}`;
const objectKey = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Merges one policy's rows over several workloads: where it is enforced for any, and the notes of those. */
function mergeRows(rows: readonly PolicyRow[]): PolicyRow[] {
  const merged = new Map<string, PolicyRow[]>();
  for (const row of rows) merged.set(rowKey(row), [...(merged.get(rowKey(row)) ?? []), row]);
  return [...merged.values()].map((list) => {
    const enforcedAt = [...new Set(list.flatMap((r) => r.enforcedAt))].sort() as EnforcementKind[];
    // A note on why nothing enforces it for one workload is noise when it is enforced for another.
    const kept = enforcedAt.length > 0 ? list.filter((r) => r.enforcedAt.length > 0) : list;
    const notes = [...new Set(kept.flatMap((r) => (r.note === null ? [] : r.note.split('; '))))];
    return { ...(list[0] as PolicyRow), enforcedAt, note: notes.length === 0 ? null : notes.join('; ') };
  });
}

function authorizationPolicyRows(
  policies: readonly KubeObject[],
  namespace: string,
  judged: readonly JudgedWorkload[],
  root: string,
): PolicyRow[] {
  const rows = mergeRows(judged.flatMap((w) => authorizationRows(policies, w.subject, root)));
  const listed = new Set(rows.map(rowKey));
  const idle = policies
    .filter((p) => p.metadata.namespace === namespace && !listed.has(objectKey(p)))
    .map((p) => authorizationRow(p, [], { dataplane: 'ambient', waypoints: [] }, root));
  return [...rows, ...idle];
}

function peerAuthenticationPolicyRows(
  policies: readonly KubeObject[],
  namespace: string,
  judged: readonly JudgedWorkload[],
  source: string | null,
  root: string,
): PolicyRow[] {
  const hasSelector = (p: KubeObject): boolean =>
    !isEmptySelector((p.spec as { selector?: LabelSelector } | undefined)?.selector);
  return policies
    .filter((p) => p.metadata.namespace === namespace || (p.metadata.namespace === root && !hasSelector(p)))
    .map((p) => {
      const reached = judged.filter((w) => peerAuthenticationApplies(p, w.subject, root));
      const at = [...new Set(reached.flatMap((w) => peerEnforcement(w.subject.dataplane)))];
      return peerAuthenticationRow(p, at, hasSelector(p) ? null : objectKey(p) === source, root);
    });
}

/** The namespace page without its series and meta (see the module comment). */
export function namespaceDetail(
  namespace: KubeObject,
  input: NamespaceDetailInput,
): Omit<NamespaceDetail, 'traffic' | 'trafficKnown' | 'meta'> {
  const name = namespace.metadata.name;
  const root = input.rootNamespace ?? ROOT_NAMESPACE;
  const [posture] = meshPosture({ ...input, namespaces: [namespace] }).namespaces;
  if (posture === undefined) throw new Error(`no posture for namespace ${name}`);
  const ctx = {
    namespaces: namespaceMap(input.namespaces),
    services: input.services,
    catalog: { gateways: input.gateways, gatewayClasses: input.gatewayClasses },
  };
  const own = input.workloads
    .filter((w) => w.namespace === name && isApplicationWorkload(w))
    .sort((a, b) => a.name.localeCompare(b.name));
  const judged = own.map((w) => judgeWorkload(w, ctx));

  const workloads = own.map((w, i): NamespaceWorkloadRow => {
    const { row, subject } = judged[i] as JudgedWorkload;
    const node = workloadNodeId(name, w.name);
    const pas = input.peerAuthentications;
    return {
      name: w.name,
      dataplane: subject.dataplane,
      pods: { total: w.pods.length, ready: w.pods.filter(isPodReady).length },
      waypoint: waypointFields(row),
      peerAuthentication: pas === null ? null : modeSource(effectivePeerAuthentication(pas, subject, root)),
      inbound: input.edges === null ? null : inboundStats(input.edges, node),
      health: input.health === null ? 'unknown' : (input.health.get(node) ?? 'idle'),
    };
  });

  const policies = [
    ...authorizationPolicyRows(input.authorizationPolicies ?? [], name, judged, root),
    ...peerAuthenticationPolicyRows(
      input.peerAuthentications ?? [],
      name,
      judged,
      posture.peerAuthentication?.source ?? null,
      root,
    ),
    ...namespaceRoutingRows(input.routing, name, routedServices(ctx)),
  ].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { namespace: name, posture, workloads, policies };
}
