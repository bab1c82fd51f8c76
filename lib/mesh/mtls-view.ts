/**
 * The Mesh page's mTLS (`GET /api/mesh/mtls`): per namespace and workload the effective PeerAuthentication (mesh,
 * then namespace, then workload: `effectivePeerAuthentication`) naming the object it comes from; per caller and
 * callee the observed mTLS share and identities (the service graph's edges); the edges that carried plaintext and
 * who sent it; and findings in words. Pure: the server passes the watch cache's objects and the graph's edges.
 */
import type { GraphEdge } from '@/lib/graph/types';
import { workloadNodeId } from '@/lib/graph/ids';
import {
  dataplaneOf,
  effectivePeerAuthentication,
  ISTIO_KEYS,
  ROOT_NAMESPACE,
  type EffectivePeerAuthentication,
} from '@/lib/istio';
import { isEmptySelector, type LabelSelector } from '@/lib/istio/selector';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import { mtlsFindings } from './mtls-findings';
import { mtlsEdges, plaintextEdges, principalsSeen } from './mtls-edges';
import { modeOf } from './namespace-posture';
import type { PodCounts } from './types';
import {
  byNamespace,
  byNamespaceThenName,
  firstPod,
  isApplicationWorkload,
  type WorkloadGroup,
} from './view-inputs';
import type {
  EffectiveMode,
  ModeSource,
  MtlsEdge,
  MtlsView,
  NamespaceMtls,
  WorkloadMtls,
} from './views-types';

/** What the view reads. A list that could not be read is null. */
export interface MtlsInput {
  namespaces: readonly KubeObject[];
  /** Every workload of the cluster; the mesh's own machinery is left out here. */
  workloads: readonly WorkloadGroup[];
  peerAuthentications: readonly KubeObject[] | null;
  /** The workload graph's edges over the window; null when the metrics could not be read. */
  edges: readonly GraphEdge[] | null;
  rootNamespace?: string;
}

/** The words for where a mode comes from, by level. */
const SOURCE_TEXT: Readonly<Record<ModeSource['level'], (policy: string) => string>> = {
  default: () => 'no policy: PERMISSIVE by default',
  mesh: (policy) => `mesh default (${policy})`,
  namespace: (policy) => `namespace policy ${policy}`,
  workload: (policy) => `workload policy ${policy}`,
};

/** The mode, its level and the policy it comes from, in words. */
export function modeSource(effective: EffectivePeerAuthentication): ModeSource {
  const policy = effective.source ? `${effective.source.namespace}/${effective.source.name}` : null;
  return {
    mode: effective.mode,
    level: effective.level,
    policy,
    text: SOURCE_TEXT[effective.level](policy ?? ''),
  };
}

const hasSelector = (p: KubeObject): boolean =>
  !isEmptySelector((p.spec as { selector?: LabelSelector } | undefined)?.selector);

/** The lowest mTLS share of the rows into a node; null when nothing came in. */
function inboundMtls(rows: readonly MtlsEdge[], node: string): number | null {
  const into = rows.filter((r) => r.target === node);
  return into.length === 0 ? null : Math.min(...into.map((r) => r.mtlsShare));
}

/** The mTLS view (see the module comment). */
export function mtlsView(input: MtlsInput): Omit<MtlsView, 'meta'> {
  const root = input.rootNamespace ?? ROOT_NAMESPACE;
  const policies = input.peerAuthentications ?? [];
  const nsObjects = new Map(input.namespaces.map((ns) => [ns.metadata.name, ns]));
  const applications = input.workloads.filter(isApplicationWorkload);

  const workloadModes = applications
    .map((w): Omit<WorkloadMtls, 'inboundMtls'> => {
      const pod = firstPod(w);
      const effective = effectivePeerAuthentication(
        policies,
        { namespace: w.namespace, labels: pod.metadata.labels ?? {} },
        root,
      );
      const ports = Object.entries(effective.ports)
        .map(([port, mode]) => ({ port: Number(port), mode }))
        .sort((a, b) => a.port - b.port);
      const dataplane = dataplaneOf(pod, nsObjects.get(w.namespace)).dataplane;
      return { namespace: w.namespace, name: w.name, dataplane, ...modeSource(effective), ports };
    })
    .sort(byNamespaceThenName);

  // PeerAuthentication applies to workloads in the mesh only.
  const modes = new Map<string, EffectiveMode>(
    workloadModes
      .filter((w) => w.dataplane !== 'none')
      .map((w) => [workloadNodeId(w.namespace, w.name), w.mode]),
  );
  const edges = input.edges === null ? [] : mtlsEdges(input.edges, modes);
  const workloads: WorkloadMtls[] = workloadModes.map((w) => ({
    ...w,
    inboundMtls: inboundMtls(edges, workloadNodeId(w.namespace, w.name)),
  }));

  const workloadsByNs = byNamespace(workloads);
  const namespaces = [...input.namespaces]
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((namespace): NamespaceMtls => {
      const name = namespace.metadata.name;
      const effective = effectivePeerAuthentication(
        policies.filter((p) => !hasSelector(p)),
        { namespace: name, labels: {} },
        root,
      );
      const own = workloadsByNs.get(name) ?? [];
      const counts: PodCounts = { total: 0, captured: 0, sidecar: 0, uncaptured: 0, infrastructure: 0 };
      for (const w of own) {
        counts.total++;
        if (w.dataplane === 'ambient') counts.captured++;
        else if (w.dataplane === 'sidecar') counts.sidecar++;
        else counts.uncaptured++;
      }
      const shares = own.flatMap((w) => (w.inboundMtls === null ? [] : [w.inboundMtls]));
      return {
        namespace: name,
        dataplane: modeOf(
          counts,
          labelOf(namespace, ISTIO_KEYS.dataplaneMode) === 'ambient',
          labelOf(namespace, 'istio-injection') === 'enabled' ||
            labelOf(namespace, 'istio.io/rev') !== undefined,
        ),
        ...modeSource(effective),
        workloadPolicies: policies.filter((p) => p.metadata.namespace === name && hasSelector(p)).length,
        inboundMtls: shares.length === 0 ? null : Math.min(...shares),
      };
    });

  const policiesKnown = input.peerAuthentications !== null;
  const plaintext = plaintextEdges(edges);
  return {
    namespaces,
    workloads,
    edges,
    plaintext,
    principals: principalsSeen(edges),
    findings: policiesKnown ? mtlsFindings({ namespaces, workloads, plaintext, edges }) : [],
    trafficKnown: input.edges !== null,
    policiesKnown,
  };
}
