/**
 * The control-plane strip: istiod (Deployment replicas), the ztunnel and istio-cni DaemonSets (pods per node) and
 * whether the Gateway API is installed, each with a state and one sentence. Versions come from image tags (see
 * `kube-facts.ts`); a ztunnel or istio-cni of another minor version than istiod is a warning. Nodes are those the
 * cache's pods run on (Node objects are not watched). Pure.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { SourceErrorKind } from '@/lib/source-error';
import { isPodReady, minorOf, nodeOf, workloadVersion } from './kube-facts';
import type { ComponentId, ComponentState, ControlPlaneComponent, NodeReadiness } from './types';

/** What the strip reads. A list that could not be read is null. */
export interface ControlPlaneInput {
  deployments: readonly KubeObject[] | null;
  daemonSets: readonly KubeObject[] | null;
  pods: readonly KubeObject[] | null;
  /** Why each Gateway API kind cannot be read (`missing_kind`: not installed), or null when it can. */
  gatewayApi: Readonly<Record<'gateways' | 'httproutes', SourceErrorKind | null>>;
  /** Nodes that run pods captured by ztunnel: a ztunnel missing there breaks traffic. */
  capturedNodes: ReadonlySet<string>;
}

/** How a component's objects are recognised: by the labels Istio's charts put on the pod template, or by name. */
interface ComponentRow {
  id: Exclude<ComponentId, 'gateway-api'>;
  label: string;
  kind: 'Deployment' | 'DaemonSet';
  template: readonly [key: string, value: string];
  name: string;
}

/** The components made of workloads, in the strip's order. */
export const COMPONENT_ROWS: readonly ComponentRow[] = [
  { id: 'istiod', label: 'istiod', kind: 'Deployment', template: ['app', 'istiod'], name: 'istiod' },
  { id: 'ztunnel', label: 'ztunnel', kind: 'DaemonSet', template: ['app', 'ztunnel'], name: 'ztunnel' },
  {
    id: 'cni',
    label: 'istio-cni',
    kind: 'DaemonSet',
    template: ['k8s-app', 'istio-cni-node'],
    name: 'istio-cni-node',
  },
];

const RANK: Readonly<Record<ComponentState, number>> = { ok: 0, unknown: 1, warn: 2, error: 3 };
const worse = (a: ComponentState, b: ComponentState): ComponentState => (RANK[a] >= RANK[b] ? a : b);

function templateLabel(workload: KubeObject, key: string): string | undefined {
  const spec = workload.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined;
  return spec?.template?.metadata?.labels?.[key];
}

function matches(row: ComponentRow, workload: KubeObject): boolean {
  const [key, value] = row.template;
  return templateLabel(workload, key) === value || workload.metadata.name === row.name;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

function versionOf(found: readonly KubeObject[]): string | null {
  const versions = [...new Set(found.flatMap((w) => workloadVersion(w) ?? []))].sort();
  return versions.length === 0 ? null : versions.join(', ');
}

function component(row: ComponentRow, fields: Partial<ControlPlaneComponent>): ControlPlaneComponent {
  return {
    id: row.id,
    label: row.label,
    state: 'unknown',
    summary: '',
    version: null,
    ready: null,
    desired: null,
    nodes: null,
    objects: [],
    ...fields,
  };
}

function istiod(row: ComponentRow, deployments: readonly KubeObject[] | null): ControlPlaneComponent {
  if (deployments === null) return component(row, { summary: 'Deployments could not be read' });
  const found = deployments.filter((d) => matches(row, d));
  if (found.length === 0) {
    const [key, value] = row.template;
    return component(row, {
      state: 'error',
      summary: `no istiod Deployment (pods labelled ${key}=${value})`,
    });
  }
  const desired = found.reduce((n, d) => n + num((d.spec as { replicas?: unknown })?.replicas, 1), 0);
  const ready = found.reduce(
    (n, d) => n + num((d.status as { readyReplicas?: unknown })?.readyReplicas, 0),
    0,
  );
  const version = versionOf(found);
  const state: ComponentState = ready === 0 ? 'error' : ready < desired ? 'warn' : 'ok';
  const summary = `${ready}/${desired} ${desired === 1 ? 'replica' : 'replicas'} ready${version ? `, ${version}` : ''}`;
  return component(row, { state, summary, version, ready, desired, objects: found.map(keyOf) });
}

/** Every node pods run on, with the DaemonSets' pod there (a ready one if any). */
function nodeReadiness(dsPods: readonly KubeObject[], allPods: readonly KubeObject[]): NodeReadiness[] {
  const nodes = new Set(allPods.flatMap((p) => nodeOf(p) ?? []));
  const byNode = new Map<string, KubeObject>();
  for (const pod of dsPods) {
    const node = nodeOf(pod);
    if (node === undefined) continue;
    nodes.add(node);
    const current = byNode.get(node);
    if (current === undefined || (!isPodReady(current) && isPodReady(pod))) byNode.set(node, pod);
  }
  return [...nodes].sort().map((node) => {
    const pod = byNode.get(node);
    return { node, pod: pod?.metadata.name ?? null, ready: pod !== undefined && isPodReady(pod) };
  });
}

function daemonSet(row: ComponentRow, input: ControlPlaneInput): ControlPlaneComponent {
  if (input.daemonSets === null) return component(row, { summary: 'DaemonSets could not be read' });
  const found = input.daemonSets.filter((d) => matches(row, d));
  const ambientUsed = input.capturedNodes.size > 0;
  if (found.length === 0) {
    return component(row, {
      state: ambientUsed ? 'error' : 'warn',
      summary: ambientUsed
        ? `no ${row.label} DaemonSet, but pods are captured on ${plural(input.capturedNodes.size, 'node')}`
        : `not installed: ambient mode is not available`,
    });
  }
  const status = (d: KubeObject): Record<string, unknown> => (d.status ?? {}) as Record<string, unknown>;
  const desired = found.reduce((n, d) => n + num(status(d).desiredNumberScheduled, 0), 0);
  const ready = found.reduce((n, d) => n + num(status(d).numberReady, 0), 0);
  const version = versionOf(found);
  const owners = new Set(found.map(keyOf));
  const dsPods = (input.pods ?? []).filter((p) =>
    (p.metadata.ownerReferences ?? []).some(
      (o) => o.kind === 'DaemonSet' && owners.has(`${p.metadata.namespace ?? ''}/${o.name}`),
    ),
  );
  const nodes = input.pods === null ? null : nodeReadiness(dsPods, input.pods);
  const missing = (nodes ?? []).filter((n) => !n.ready).map((n) => n.node);
  // ztunnel missing where pods are captured breaks their traffic; istio-cni missing only stops new captures.
  const breaking = row.id === 'ztunnel' && missing.some((node) => input.capturedNodes.has(node));
  const state: ComponentState =
    ready === 0 || breaking ? 'error' : ready < desired || missing.length > 0 ? 'warn' : 'ok';
  const readyText = `ready on ${ready}/${desired} ${desired === 1 ? 'node' : 'nodes'}`;
  const missingText = missing.length > 0 ? `; not ready on ${missing.join(', ')}` : '';
  const summary = `${readyText}${version ? `, ${version}` : ''}${missingText}`;
  return component(row, { state, summary, version, ready, desired, nodes, objects: found.map(keyOf) });
}

/** A warning when a data-plane component runs another minor version than istiod. */
function withSkew(item: ControlPlaneComponent, istiodVersion: string | null): ControlPlaneComponent {
  if (
    item.version === null ||
    istiodVersion === null ||
    item.version.includes(',') ||
    istiodVersion.includes(',')
  )
    return item;
  if (minorOf(item.version) === minorOf(istiodVersion)) return item;
  return {
    ...item,
    state: worse(item.state, 'warn'),
    summary: `${item.summary}; istiod is ${istiodVersion}`,
  };
}

function gatewayApi(kinds: ControlPlaneInput['gatewayApi']): ControlPlaneComponent {
  const row = { id: 'gateway-api', label: 'Gateway API' } as const;
  const base = { ...row, version: null, ready: null, desired: null, nodes: null, objects: [] };
  const errors = Object.entries(kinds).filter(([, kind]) => kind !== null);
  if (errors.length === 0) {
    return { ...base, state: 'ok', summary: 'installed: Gateway and HTTPRoute are served' };
  }
  const { gateways, httproutes } = kinds;
  if (gateways === 'missing_kind' || httproutes === 'missing_kind') {
    const summary =
      gateways !== 'missing_kind'
        ? 'HTTPRoute not served: waypoints work, HTTPRoutes cannot be used'
        : httproutes !== 'missing_kind'
          ? 'Gateway not served: no waypoints'
          : 'not installed: no waypoints, no HTTPRoutes';
    return { ...base, state: 'warn', summary };
  }
  return {
    ...base,
    state: 'unknown',
    summary: `could not be read (${errors.map(([n, k]) => `${n}: ${k}`).join(', ')})`,
  };
}

/** The strip's components, in order: istiod, ztunnel, istio-cni, Gateway API. */
export function controlPlane(input: ControlPlaneInput): ControlPlaneComponent[] {
  const [istiodRow, ...daemonRows] = COMPONENT_ROWS;
  const control = istiod(istiodRow as ComponentRow, input.deployments);
  const data = daemonRows.map((row) => withSkew(daemonSet(row, input), control.version));
  return [control, ...data, gatewayApi(input.gatewayApi)];
}

/** The nodes where a ztunnel pod is ready; null when unknown (no ztunnel component, or pods unreadable). */
export function ztunnelReadyNodes(components: readonly ControlPlaneComponent[]): Set<string> | null {
  const ztunnel = components.find((c) => c.id === 'ztunnel');
  if (ztunnel?.nodes == null) return null;
  return new Set(ztunnel.nodes.filter((n) => n.ready).map((n) => n.node));
}
