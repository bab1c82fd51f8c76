/**
 * Prepared objects for the graph's shortcuts ("deny this caller", "shift traffic", "inject a fault", "new policy
 * for this workload"): the editor opens on them (`/config/edit?draft=…`) and nothing is written until a person
 * previews and applies. Ambient-aware: a workload behind a waypoint gets `targetRefs` to its Service (enforced at
 * the waypoint, with the caller's identity), one without gets a `selector` (enforced by its ztunnel or sidecar).
 */
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import type { KubeObject } from '@/lib/kube/object';

/** The Service a workload's traffic is addressed to, as the graph knows it: its app (canonical service). */
function serviceOf(node: GraphNode): string {
  return node.app ?? node.name;
}

/** A DNS-1123 name from parts, at most 63 characters. */
function objectName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return name.slice(0, 63).replace(/-$/, '');
}

/** Where a policy for `node` is enforced, as the spec fields that say it. */
function targetOf(node: GraphNode): Record<string, unknown> {
  return node.waypoint !== null
    ? { targetRefs: [{ kind: 'Service', group: '', name: serviceOf(node) }] }
    : { selector: { matchLabels: { app: serviceOf(node) } } };
}

/** `spiffe://cluster.local/ns/x/sa/y` -> `cluster.local/ns/x/sa/y`, as AuthorizationPolicy principals are written. */
function principal(spiffe: string): string {
  return spiffe.replace(/^spiffe:\/\//, '');
}

function object(apiVersion: string, kind: string, namespace: string, name: string, spec: object): KubeObject {
  return { apiVersion, kind, metadata: { namespace, name }, spec } as KubeObject;
}

/**
 * A DENY for the edge's caller into its callee: by the caller's identities when the traffic is mTLS, else by its
 * namespace (plaintext callers have no identity; a namespace rule then needs mTLS to match at all, which the
 * preview will show).
 */
export function denyCallerDraft(edge: GraphEdge, source: GraphNode, target: GraphNode): KubeObject {
  const from =
    edge.sourcePrincipals.length > 0
      ? { principals: edge.sourcePrincipals.map(principal) }
      : { namespaces: [source.namespace] };
  return object(
    'security.istio.io/v1',
    'AuthorizationPolicy',
    target.namespace,
    objectName('deny', source.name, 'to', serviceOf(target)),
    {
      action: 'DENY',
      ...targetOf(target),
      rules: [{ from: [{ source: from }] }],
    },
  );
}

/** An ALLOW policy for the workload, with an empty rule to fill in (an ALLOW with no matching rule denies all). */
export function newPolicyDraft(target: GraphNode): KubeObject {
  return object(
    'security.istio.io/v1',
    'AuthorizationPolicy',
    target.namespace,
    objectName('allow', serviceOf(target)),
    {
      action: 'ALLOW',
      ...targetOf(target),
      rules: [{ from: [{ source: { namespaces: [target.namespace] } }] }],
    },
  );
}

/**
 * A VirtualService splitting the callee's Service over its versions seen in the graph, evenly (weights sum to 100),
 * by subsets named after the versions: the DestinationRule must define them (the lint says when it does not).
 */
export function shiftTrafficDraft(target: GraphNode, nodes: readonly GraphNode[]): KubeObject {
  const service = serviceOf(target);
  const versions = [
    ...new Set(
      nodes
        .filter((n) => n.namespace === target.namespace && n.app === target.app && n.version !== null)
        .map((n) => n.version ?? ''),
    ),
  ].sort();
  const subsets = versions.length > 0 ? versions : [target.version ?? 'v1'];
  const share = Math.floor(100 / subsets.length);
  const route = subsets.map((subset, i) => ({
    destination: { host: service, subset },
    weight: i === 0 ? 100 - share * (subsets.length - 1) : share,
  }));
  return object('networking.istio.io/v1', 'VirtualService', target.namespace, service, {
    hosts: [service],
    http: [{ route }],
  });
}

/** A VirtualService that aborts 10% of the requests to the callee's Service with HTTP 500 (edit the share). */
export function injectFaultDraft(target: GraphNode): KubeObject {
  const service = serviceOf(target);
  return object('networking.istio.io/v1', 'VirtualService', target.namespace, service, {
    hosts: [service],
    http: [
      {
        fault: { abort: { httpStatus: 500, percentage: { value: 10 } } },
        route: [{ destination: { host: service } }],
      },
    ],
  });
}

/** The editor's address for a draft: `/config/edit?draft=<base64url of its JSON>`. */
export function draftLink(draft: KubeObject, view?: URLSearchParams): string {
  const json = JSON.stringify(draft);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const params = new URLSearchParams(view);
  params.set('draft', encoded);
  return `/config/edit?${params.toString()}`;
}
