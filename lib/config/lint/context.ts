import { ROOT_NAMESPACE, TRUST_DOMAIN } from '@/lib/istio/labels';
import type { KubeObject } from '@/lib/kube/object';
import type { LintContext, LintInput, ServiceAccountRef } from './types';

/** Every part of the snapshot, in the order they are listed. */
export const LINT_INPUTS: readonly LintInput[] = [
  'namespaces',
  'services',
  'serviceEntries',
  'pods',
  'gateways',
  'virtualServices',
  'httpRoutes',
  'destinationRules',
  'authorizationPolicies',
];

/** The lists to build a snapshot from: a list, or null when it could not be read (absent counts as null). */
export type LintLists = Partial<Record<LintInput, readonly KubeObject[] | null>>;

/** The service accounts pods run as, each once, in the order first seen. */
export function serviceAccountsOf(pods: readonly KubeObject[]): ServiceAccountRef[] {
  const seen = new Map<string, ServiceAccountRef>();
  for (const pod of pods) {
    const namespace = pod.metadata.namespace ?? 'default';
    const spec = pod.spec as { serviceAccountName?: string; serviceAccount?: string } | undefined;
    const name = spec?.serviceAccountName ?? spec?.serviceAccount ?? 'default';
    seen.set(`${namespace}/${name}`, { namespace, name });
  }
  return [...seen.values()];
}

/**
 * A lint snapshot from lists of objects. Parts given as null (or not given) are empty and marked unknown, so that
 * rules needing them stay silent instead of reporting everything as missing.
 */
export function buildLintContext(
  lists: LintLists,
  options: { rootNamespace?: string; trustDomain?: string } = {},
): LintContext {
  const unknown = new Set(LINT_INPUTS.filter((input) => lists[input] === null || lists[input] === undefined));
  const list = (input: LintInput): readonly KubeObject[] => lists[input] ?? [];
  const pods = list('pods');
  return {
    namespaces: list('namespaces'),
    services: list('services'),
    serviceEntries: list('serviceEntries'),
    pods,
    gateways: list('gateways'),
    virtualServices: list('virtualServices'),
    httpRoutes: list('httpRoutes'),
    destinationRules: list('destinationRules'),
    authorizationPolicies: list('authorizationPolicies'),
    serviceAccounts: serviceAccountsOf(pods),
    rootNamespace: options.rootNamespace ?? ROOT_NAMESPACE,
    trustDomain: options.trustDomain ?? TRUST_DOMAIN,
    unknown,
  };
}

/** The namespace of an object as Istio reads it: `default` when the object names none. */
export function namespaceOf(object: KubeObject): string {
  return object.metadata.namespace ?? 'default';
}

/** True when both are the same object (kind, namespace and name). */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  return a.kind === b.kind && a.metadata.name === b.metadata.name && namespaceOf(a) === namespaceOf(b);
}
