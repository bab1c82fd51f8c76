import { CLUSTER_DOMAIN } from './labels';

/** A Service by namespace and name. */
export interface ServiceRef {
  namespace: string;
  name: string;
}

const SUFFIX = `.svc.${CLUSTER_DOMAIN}`;

/**
 * The fully qualified name of a host as Istio resolves it from an object in `namespace`: a short name (`reviews`)
 * is in that namespace, `name.ns` and `name.ns.svc` are completed, anything longer (or a wildcard) stays as is.
 */
export function fqdnOf(host: string, namespace: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('*') || lower.endsWith(SUFFIX)) return lower;
  if (lower.endsWith('.svc')) return `${lower}.${CLUSTER_DOMAIN}`;
  const dots = lower.split('.').length - 1;
  if (dots === 0) return `${lower}.${namespace}${SUFFIX}`;
  if (dots === 1) return `${lower}${SUFFIX}`;
  return lower;
}

/** The fully qualified name of a Service: `name.namespace.svc.cluster.local`. */
export function serviceFqdn(service: ServiceRef): string {
  return `${service.name}.${service.namespace}${SUFFIX}`;
}

/** The Service a fully qualified host names, or undefined for hosts outside `*.svc.cluster.local`. */
export function serviceOfFqdn(fqdn: string): ServiceRef | undefined {
  if (!fqdn.endsWith(SUFFIX)) return undefined;
  const [name, namespace, ...rest] = fqdn.slice(0, -SUFFIX.length).split('.');
  return name && namespace && rest.length === 0 ? { name, namespace } : undefined;
}

/**
 * True when a host pattern written in `namespace` (VirtualService `hosts`, DestinationRule `host`) covers the
 * Service: short names, `name.ns`, FQDNs and `*.suffix` wildcards.
 */
export function hostCoversService(pattern: string, namespace: string, service: ServiceRef): boolean {
  const fqdn = fqdnOf(pattern, namespace);
  const target = serviceFqdn(service);
  if (fqdn === '*') return true;
  if (fqdn.startsWith('*')) return target.endsWith(fqdn.slice(1));
  return fqdn === target;
}
