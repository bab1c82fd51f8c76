import { type KubeObject } from '@/lib/kube/object';
import {
  type AuthorizationPolicySpec,
  type EnforcementPoint,
  type PolicyTargetRef,
} from './authorization-types';
import { ROOT_NAMESPACE } from './labels';
import { isEmptySelector, matchesSelector } from './selector';

type Policy = KubeObject<AuthorizationPolicySpec>;

/** A policy's target references, the deprecated singular `targetRef` included. */
export function targetRefsOf(policy: KubeObject): PolicyTargetRef[] {
  const spec = (policy as Policy).spec;
  return [...(spec?.targetRefs ?? []), ...(spec?.targetRef ? [spec.targetRef] : [])];
}

/** Core-group kinds name `''` or `core`; Gateway API kinds `gateway.networking.k8s.io`. */
const GROUPS: Record<string, readonly (string | undefined)[]> = {
  Service: [undefined, '', 'core'],
  Gateway: [undefined, 'gateway.networking.k8s.io'],
  GatewayClass: [undefined, 'gateway.networking.k8s.io'],
};

function refIs(ref: PolicyTargetRef, kind: string, name: string): boolean {
  return ref.kind === kind && ref.name === name && (GROUPS[kind] ?? [undefined]).includes(ref.group);
}

/**
 * Policies a destination ztunnel or sidecar enforces for a workload: those WITHOUT targetRefs whose `selector`
 * matches its labels (in its namespace, or in the root namespace for any namespace), namespace-wide ones (no
 * selector) in its namespace, and mesh-wide ones (no selector) in the root namespace.
 */
function appliesToWorkload(policy: Policy, namespace: string, labels: Record<string, string>, root: string) {
  if (targetRefsOf(policy).length > 0) return false;
  const ns = policy.metadata.namespace;
  if (ns !== namespace && ns !== root) return false;
  const selector = policy.spec?.selector;
  return isEmptySelector(selector) || matchesSelector(selector, labels);
}

/**
 * Policies a waypoint enforces: those whose `targetRefs` name the waypoint Gateway (in its namespace), its
 * GatewayClass (from the root namespace), or the Service the traffic is for (in the Service's namespace).
 */
function appliesToWaypoint(
  policy: Policy,
  point: Extract<EnforcementPoint, { kind: 'waypoint' }>,
  root: string,
) {
  const ns = policy.metadata.namespace;
  return targetRefsOf(policy).some(
    (ref) =>
      (ns === point.gateway.namespace && refIs(ref, 'Gateway', point.gateway.name)) ||
      (ns === root && refIs(ref, 'GatewayClass', point.gateway.className)) ||
      (point.service !== undefined &&
        ns === point.service.namespace &&
        refIs(ref, 'Service', point.service.name)),
  );
}

/** The AuthorizationPolicies that apply at an enforcement point, in their given order. */
export function policiesAt(
  policies: readonly KubeObject[],
  point: EnforcementPoint,
  rootNamespace = ROOT_NAMESPACE,
): KubeObject<AuthorizationPolicySpec>[] {
  return (policies as readonly Policy[]).filter((policy) =>
    point.kind === 'waypoint'
      ? appliesToWaypoint(policy, point, rootNamespace)
      : appliesToWorkload(policy, point.namespace, point.labels, rootNamespace),
  );
}
