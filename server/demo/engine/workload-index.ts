/**
 * Workloads and their pods, resolved from the objects: each Deployment or DaemonSet claims the ready, running pods
 * its selector matches in its namespace (a pod left unclaimed is its own workload), and each pod becomes an
 * Endpoint with its identity, data plane (the capture rule), node and IP.
 */
import { dataplaneOf } from '@/lib/istio/dataplane';
import { matchesSelector, type LabelSelector } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';
import type { WorkloadBehaviour } from '../model/behaviour';
import type { MeshConfig } from '../model/mesh-config';
import type { Dataplane } from '../model/traffic';
import { clientKindOf } from './client-kinds';
import type { PodGroup, PodNode, WorkloadNode } from './nodes';
import { DEFAULT_BEHAVIOUR } from './wire-facts';

interface PodSpec {
  serviceAccountName?: string;
  serviceAccount?: string;
  nodeName?: string;
}
interface PodStatus {
  phase?: string;
  podIP?: string;
  conditions?: { type: string; status: string }[];
}
type Pod = KubeObject<PodSpec, PodStatus>;

/** Running, not being deleted, and Ready (when the pod reports readiness at all). */
export function isPodReady(pod: KubeObject): boolean {
  const { status, metadata } = pod as Pod;
  if (status?.phase !== 'Running' || metadata.deletionTimestamp !== undefined) return false;
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  return ready === undefined || ready.status === 'True';
}

/** Istio's canonical service and revision from a pod's labels. */
function canonical(
  labels: Readonly<Record<string, string>>,
  workload: string,
): { app: string; version: string } {
  const app =
    labels['service.istio.io/canonical-name'] ??
    labels['app.kubernetes.io/name'] ??
    labels['app'] ??
    workload;
  const version =
    labels['service.istio.io/canonical-revision'] ??
    labels['app.kubernetes.io/version'] ??
    labels['version'] ??
    'latest';
  return { app, version };
}

/** Pods bucketed by namespace, and by namespace plus one `key=value` label, for fast selector lookups. */
export class PodBuckets {
  private readonly byLabel = new Map<string, KubeObject[]>();
  private readonly byNamespace = new Map<string, KubeObject[]>();

  constructor(pods: readonly KubeObject[]) {
    for (const pod of pods) {
      const ns = pod.metadata.namespace ?? '';
      push(this.byNamespace, ns, pod);
      for (const [key, value] of Object.entries(pod.metadata.labels ?? {}))
        push(this.byLabel, `${ns}\0${key}=${value}`, pod);
    }
  }

  /** The pods of a namespace a label map could select (a superset; callers still match the whole selector). */
  candidates(namespace: string, labels: Readonly<Record<string, string>> | undefined): readonly KubeObject[] {
    const first = Object.entries(labels ?? {})[0];
    if (first === undefined) return this.byNamespace.get(namespace) ?? [];
    return this.byLabel.get(`${namespace}\0${first[0]}=${first[1]}`) ?? [];
  }
}

/** True unless the pod names another controller as its owner (a ReplicaSet `<deployment>-<hash>`, a DaemonSet). */
function ownedBy(pod: KubeObject, owner: KubeObject): boolean {
  const refs = pod.metadata.ownerReferences ?? [];
  if (refs.length === 0) return true;
  const name = owner.metadata.name;
  return refs.some(
    (ref) => ref.name === name || (ref.kind === 'ReplicaSet' && ref.name.startsWith(`${name}-`)),
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function podNode(pod: Pod, workload: string, serviceAccount: string, dataplane: Dataplane): PodNode {
  const labels = pod.metadata.labels ?? {};
  const node = pod.spec?.nodeName ?? 'unknown';
  const endpoint = {
    namespace: pod.metadata.namespace ?? '',
    workload,
    ...canonical(labels, workload),
    serviceAccount,
    dataplane,
    pod: { name: pod.metadata.name, node, ip: pod.status?.podIP ?? '' },
  };
  return { object: pod, labels, endpoint };
}

/** Builds the workloads of a config. `pods` maps each claimed pod back to its PodNode. */
export function buildWorkloads(
  config: MeshConfig,
  buckets: PodBuckets,
  behaviours: ReadonlyMap<string, WorkloadBehaviour>,
): { workloads: Map<string, WorkloadNode>; pods: Map<KubeObject, PodNode> } {
  const namespaces = new Map(config.namespaces.map((ns) => [ns.metadata.name, ns]));
  const workloads = new Map<string, WorkloadNode>();
  const pods = new Map<KubeObject, PodNode>();
  const owners = [...config.deployments, ...config.daemonSets].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  const claim = (namespace: string, name: string, members: Pod[], fallbackAccount: string): void => {
    const key = `${namespace}/${name}`;
    const first = members[0];
    const serviceAccount = first?.spec?.serviceAccountName ?? first?.spec?.serviceAccount ?? fallbackAccount;
    const behaviour = behaviours.get(key) ?? DEFAULT_BEHAVIOUR;
    const node: WorkloadNode = {
      key,
      namespace,
      name,
      labels: first?.metadata.labels ?? {},
      serviceAccount,
      groups: [],
      behaviour,
      waypoint: null,
    };
    const byDataplane = new Map<Dataplane, PodNode[]>();
    for (const pod of members) {
      const { dataplane } = dataplaneOf(pod, namespaces.get(namespace));
      const podAccount = pod.spec?.serviceAccountName ?? pod.spec?.serviceAccount ?? serviceAccount;
      const entry = podNode(pod, name, podAccount, dataplane);
      pods.set(pod, entry);
      push(byDataplane, dataplane, entry);
    }
    for (const [dataplane, list] of byDataplane) {
      const client = clientKindOf(dataplane, list[0]?.labels ?? {});
      const group: PodGroup = {
        id: `${key}/${dataplane}`,
        workload: node,
        dataplane,
        client,
        pods: list,
        share: list.length / members.length,
      };
      node.groups.push(group);
    }
    workloads.set(key, node);
  };
  for (const owner of owners) {
    const ns = owner.metadata.namespace ?? '';
    const spec = owner.spec as { selector?: LabelSelector; template?: { spec?: PodSpec } } | undefined;
    const selector = spec?.selector;
    if (selector === undefined) continue;
    const members = (buckets.candidates(ns, selector.matchLabels) as Pod[]).filter(
      (pod) =>
        !pods.has(pod) &&
        isPodReady(pod) &&
        matchesSelector(selector, pod.metadata.labels) &&
        ownedBy(pod, owner),
    );
    const account = spec?.template?.spec?.serviceAccountName ?? 'default';
    claim(ns, owner.metadata.name, members, account);
  }
  for (const pod of config.pods as Pod[]) {
    if (pods.has(pod) || !isPodReady(pod)) continue;
    claim(pod.metadata.namespace ?? '', pod.metadata.name, [pod], 'default');
  }
  return { workloads, pods };
}
