/**
 * The namespace and workload pages' addresses and when they answer 404: the names in the path (validated, so that
 * nothing malformed reaches a lookup or a query) and whether the subject exists in the watch cache. Pure.
 */
import { ParamError } from '@/lib/api/params';
import type { KubeObject } from '@/lib/kube/object';
import { isNamespaceName } from '@/lib/view-state';
import type { WorkloadGroup } from './view-inputs';

/** A workload name as Istio's `workload_name` takes it from a controller or pod: a DNS-1123 subdomain. */
const WORKLOAD_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** True when `name` can name a workload (a Deployment, StatefulSet, DaemonSet or bare pod). */
export function isWorkloadName(name: string): boolean {
  return name.length <= 253 && WORKLOAD_NAME.test(name);
}

/** A path segment decoded once; a malformed escape is kept as it is (and then refused as a name). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The last `count` segments of a path, decoded. */
function lastSegments(pathname: string, count: number): string[] {
  const segments = pathname.replace(/\/+$/, '').split('/');
  return segments.slice(-count).map(decodeSegment);
}

function checkedNamespace(namespace: string): string {
  if (!isNamespaceName(namespace)) {
    throw new ParamError('namespace', `namespace ${JSON.stringify(namespace)} is not a namespace name`);
  }
  return namespace;
}

/** The namespace of `/api/mesh/namespaces/<ns>`; throws `ParamError` when it cannot be one. */
export function namespaceOfPath(pathname: string): string {
  return checkedNamespace(lastSegments(pathname, 1)[0] ?? '');
}

/** The namespace and name of `/api/mesh/workloads/<ns>/<name>`; throws `ParamError` when they cannot be. */
export function workloadOfPath(pathname: string): { namespace: string; name: string } {
  const [namespace = '', name = ''] = lastSegments(pathname, 2);
  if (!isWorkloadName(name)) {
    throw new ParamError('workload', `workload ${JSON.stringify(name)} is not a workload name`);
  }
  return { namespace: checkedNamespace(namespace), name };
}

/**
 * Whether a page's subject exists: `found`, `not-found` (answer 404), or `unknown` when the list that would say
 * could not be read (then the page is answered with what could be read, and the error).
 */
export type DetailVerdict = 'found' | 'not-found' | 'unknown';

/** A namespace exists when the Namespace list has it; `unknown` when the list could not be read. */
export function namespaceVerdict(namespaces: readonly KubeObject[] | null, namespace: string): DetailVerdict {
  if (namespaces === null) return 'unknown';
  return namespaces.some((ns) => ns.metadata.name === namespace) ? 'found' : 'not-found';
}

/**
 * A workload exists when some pod of its namespace belongs to it (pods grouped by their controller, as the
 * telemetry names workloads); the pods decide even when the Namespace list could not be read. A workload without
 * pods is not known to the cluster: 404.
 */
export function workloadVerdict(
  namespace: DetailVerdict,
  workloads: readonly WorkloadGroup[] | null,
  subject: { namespace: string; name: string },
): DetailVerdict {
  if (namespace === 'not-found') return 'not-found';
  if (workloads === null) return 'unknown';
  const found = workloads.some((w) => w.namespace === subject.namespace && w.name === subject.name);
  return found ? 'found' : 'not-found';
}

/** The message of a 404, for the `{error}` body. */
export function notFoundMessage(subject: { namespace: string; name?: string }): string {
  return subject.name === undefined
    ? `namespace ${JSON.stringify(subject.namespace)} not found`
    : `workload ${JSON.stringify(`${subject.namespace}/${subject.name}`)} not found`;
}
