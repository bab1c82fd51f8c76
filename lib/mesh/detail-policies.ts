/**
 * AuthorizationPolicies and PeerAuthentications as the namespace and workload pages show them: what each applies
 * to, and where it is enforced for a workload (docs/istio-ambient.md, "AuthorizationPolicy", "PeerAuthentication").
 * A captured pod's ztunnel enforces the selector, namespace-wide and mesh-wide policies (L4 fields only); the
 * waypoints serving it enforce the policies whose `targetRefs` name them, their class or the Service; a sidecar
 * enforces everything that selects its pod; nothing enforces anything for a pod out of the mesh. Pure.
 */
import {
  policiesAt,
  ruleHasL7,
  ROOT_NAMESPACE,
  targetRefsOf,
  type AuthorizationPolicySpec,
  type Dataplane,
  type EnforcementPoint,
  type Labels,
  type LabelSelector,
  type PeerAuthenticationSpec,
  type ServiceRef,
} from '@/lib/istio';
import { isEmptySelector, matchesSelector } from '@/lib/istio/selector';
import type { KubeObject } from '@/lib/kube/object';
import type { EnforcementKind, PolicyRow } from './detail-types';

/** A workload as its policies see it. */
export interface PolicySubject {
  namespace: string;
  /** The labels of its first pod. */
  labels: Labels;
  dataplane: Dataplane;
  /** The waypoint Gateways serving it: per Service that has one, and its own (pod-addressed) one. */
  waypoints: readonly { gateway: KubeObject; service?: ServiceRef }[];
}

/** Where the subject's traffic meets authorization, each with the kind of proxy it is. */
export function enforcementPoints(
  subject: PolicySubject,
): { kind: EnforcementKind; point: EnforcementPoint }[] {
  const { namespace, labels } = subject;
  if (subject.dataplane === 'sidecar')
    return [{ kind: 'sidecar', point: { kind: 'sidecar', namespace, labels } }];
  if (subject.dataplane !== 'ambient') return [];
  return [
    { kind: 'ztunnel', point: { kind: 'ztunnel', namespace, labels } },
    ...subject.waypoints.map(({ gateway, service }) => ({
      kind: 'waypoint' as const,
      point: {
        kind: 'waypoint' as const,
        gateway: {
          namespace: gateway.metadata.namespace ?? '',
          name: gateway.metadata.name,
          className: (gateway.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName ?? '',
        },
        ...(service ? { service } : {}),
      },
    })),
  ];
}

/** A selector in words: `app=reviews, version=v2`, or how many expressions it has. */
function selectorText(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = selector?.matchExpressions?.length ?? 0;
  if (expressions > 0) labels.push(`${expressions} ${expressions === 1 ? 'expression' : 'expressions'}`);
  return labels.join(', ');
}

/** What a policy (AuthorizationPolicy or PeerAuthentication) applies to, in words. */
export function policyAppliesTo(policy: KubeObject, root = ROOT_NAMESPACE): string {
  const refs = targetRefsOf(policy);
  if (refs.length > 0) return refs.map((r) => `${r.kind} ${r.name}`).join(', ');
  const selector = (policy.spec as { selector?: LabelSelector } | undefined)?.selector;
  const meshWide = policy.metadata.namespace === root;
  if (!isEmptySelector(selector))
    return `${meshWide ? 'workloads in any namespace' : 'workloads'} ${selectorText(selector)}`;
  return meshWide ? 'mesh-wide (every namespace)' : 'every workload in the namespace';
}

/** What ztunnel does with L7 rules, by action (it cannot see HTTP). */
const ZTUNNEL_L7_NOTE: Readonly<Record<string, string>> = {
  ALLOW:
    'L7 rules at ztunnel never match: those rules are dropped (stricter, often deny-all); bind the policy to the waypoint with targetRefs',
  DENY: 'ztunnel strips the L7 parts of its rules and enforces the rest (stricter)',
  AUDIT: 'ztunnel ignores the L7 fields of its rules',
  CUSTOM: 'ztunnel ignores the L7 fields of its rules',
};

type Policy = KubeObject<AuthorizationPolicySpec>;
const keyOf = (p: KubeObject): string => `${p.metadata.namespace ?? ''}/${p.metadata.name}`;

/** The AuthorizationPolicies that apply to a workload, each with where it is enforced; by namespace then name. */
export function authorizationRows(
  policies: readonly KubeObject[],
  subject: PolicySubject,
  root = ROOT_NAMESPACE,
): PolicyRow[] {
  const rows = new Map<string, { policy: Policy; at: Set<EnforcementKind> }>();
  const add = (policy: Policy, kind: EnforcementKind | null): void => {
    const row = rows.get(keyOf(policy)) ?? { policy, at: new Set<EnforcementKind>() };
    if (kind !== null) row.at.add(kind);
    rows.set(keyOf(policy), row);
  };
  for (const { kind, point } of enforcementPoints(subject)) {
    for (const policy of policiesAt(policies, point, root)) add(policy, kind);
  }
  if (subject.dataplane === 'none') {
    // Selected, but nothing enforces it: listed so that the page says so.
    const selected = policiesAt(
      policies,
      { kind: 'ztunnel', namespace: subject.namespace, labels: subject.labels },
      root,
    );
    for (const policy of selected) add(policy, null);
  }
  return [...rows.values()]
    .map(({ policy, at }) => authorizationRow(policy, [...at], subject, root))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** One AuthorizationPolicy's row, given where it is enforced for the subject. */
export function authorizationRow(
  policy: KubeObject,
  enforcedAt: readonly EnforcementKind[],
  subject: Pick<PolicySubject, 'dataplane' | 'waypoints'>,
  root = ROOT_NAMESPACE,
): PolicyRow {
  const spec = (policy as Policy).spec;
  const action = spec?.action ?? 'ALLOW';
  const notes: string[] = [];
  if (enforcedAt.includes('ztunnel') && (spec?.rules ?? []).some(ruleHasL7)) {
    notes.push(ZTUNNEL_L7_NOTE[action] ?? '');
  }
  const fromIdentities = (spec?.rules ?? []).some((r) => (r.from ?? []).length > 0);
  if (enforcedAt.includes('ztunnel') && subject.waypoints.length > 0 && fromIdentities) {
    notes.push("behind a waypoint, ztunnel sees the waypoint's identity, not the client's");
  }
  if (enforcedAt.length === 0) {
    notes.push(
      subject.dataplane === 'none'
        ? 'the workload is not in the mesh: nothing enforces it'
        : targetRefsOf(policy).length > 0
          ? 'enforced only by a waypoint, and none serves what it targets'
          : 'applies to no workload here',
    );
  }
  return {
    kind: 'AuthorizationPolicy',
    namespace: policy.metadata.namespace ?? '',
    name: policy.metadata.name,
    appliesTo: policyAppliesTo(policy, root),
    enforcedAt: [...new Set(enforcedAt)].sort(),
    action,
    note: notes.length === 0 ? null : notes.join('; '),
  };
}

type PeerPolicy = KubeObject<PeerAuthenticationSpec>;

/** Whether a PeerAuthentication reaches a workload: mesh-wide, its namespace's, or one selecting its pods. */
export function peerAuthenticationApplies(
  policy: KubeObject,
  subject: Pick<PolicySubject, 'namespace' | 'labels'>,
  root = ROOT_NAMESPACE,
): boolean {
  const selector = (policy as PeerPolicy).spec?.selector;
  const ns = policy.metadata.namespace;
  if (isEmptySelector(selector)) return ns === root || ns === subject.namespace;
  return ns === subject.namespace && matchesSelector(selector, subject.labels);
}

/** Who enforces PeerAuthentication for a data plane: the pod's ztunnel or its sidecar; nobody out of the mesh. */
const PEER_ENFORCEMENT: Readonly<Record<Dataplane, EnforcementKind[]>> = {
  ambient: ['ztunnel'],
  sidecar: ['sidecar'],
  none: [],
};

/** One PeerAuthentication's row; `effective` says whether its mode is the one in effect for the subject. */
export function peerAuthenticationRow(
  policy: KubeObject,
  enforcedAt: readonly EnforcementKind[],
  effective: boolean | null,
  root = ROOT_NAMESPACE,
): PolicyRow {
  const spec = (policy as PeerPolicy).spec;
  const mode = spec?.mtls?.mode ?? 'UNSET';
  const ports = Object.entries(spec?.portLevelMtls ?? {}).map(([port, m]) => `${port}: ${m.mode ?? 'UNSET'}`);
  const notes: string[] = [];
  if (ports.length > 0) notes.push(`port-level ${ports.join(', ')}`);
  if (mode === 'UNSET') notes.push('UNSET: inherits the level above');
  else if (effective === false) notes.push('overridden by a narrower policy');
  if (enforcedAt.length === 0) notes.push('no workload in the mesh here: does not apply');
  return {
    kind: 'PeerAuthentication',
    namespace: policy.metadata.namespace ?? '',
    name: policy.metadata.name,
    appliesTo: policyAppliesTo(policy, root),
    enforcedAt: [...new Set(enforcedAt)].sort(),
    mode,
    note: notes.length === 0 ? null : notes.join('; '),
  };
}

/**
 * The PeerAuthentications that reach a workload, mesh -> namespace -> workload, marking the one whose mode is in
 * effect (`source`: `namespace/name` of the effective policy, as `effectivePeerAuthentication` names it).
 */
export function peerAuthenticationRows(
  policies: readonly KubeObject[],
  subject: Pick<PolicySubject, 'namespace' | 'labels' | 'dataplane'>,
  source: string | null,
  root = ROOT_NAMESPACE,
): PolicyRow[] {
  const level = (p: KubeObject): number =>
    !isEmptySelector((p as PeerPolicy).spec?.selector) ? 2 : p.metadata.namespace === root ? 0 : 1;
  return policies
    .filter((p) => peerAuthenticationApplies(p, subject, root))
    .sort((a, b) => level(a) - level(b) || a.metadata.name.localeCompare(b.metadata.name))
    .map((p) => peerAuthenticationRow(p, PEER_ENFORCEMENT[subject.dataplane], keyOf(p) === source, root));
}

/** Who enforces PeerAuthentication for a data plane (see {@link PEER_ENFORCEMENT}). */
export function peerEnforcement(dataplane: Dataplane): EnforcementKind[] {
  return PEER_ENFORCEMENT[dataplane];
}
