/**
 * What the API server fills in on create, per kind, as Kubernetes' registries do: a Namespace is `Active`, a
 * Service gets its type, port protocols and target ports, and a cluster IP from 10.96.0.0/16 (the next free one,
 * so the same creates give the same addresses).
 */
import { type ResourceType, resourceKey } from './resource-table';
import { type KubeObject, isPlainObject } from './types';

/** Fills defaults into an object about to be created; `existing` lists the stored objects of the same kind. */
export type Defaulter = (object: KubeObject, existing: () => readonly KubeObject[]) => void;

function nextClusterIp(existing: readonly KubeObject[]): string {
  const used = new Set<string>();
  for (const svc of existing) {
    const spec = svc['spec'];
    if (isPlainObject(spec) && typeof spec['clusterIP'] === 'string') used.add(spec['clusterIP']);
  }
  // 10.96.0.1 is the `kubernetes` Service in a real cluster; start after it.
  for (let n = 2; n < 65_535; n++) {
    const ip = `10.96.${Math.floor(n / 256)}.${n % 256}`;
    if (n % 256 !== 0 && n % 256 !== 255 && !used.has(ip)) return ip;
  }
  return '';
}

const defaultService: Defaulter = (object, existing) => {
  const spec = isPlainObject(object['spec']) ? object['spec'] : {};
  object['spec'] = spec;
  spec['type'] ??= 'ClusterIP';
  if (Array.isArray(spec['ports'])) {
    for (const port of spec['ports']) {
      if (!isPlainObject(port)) continue;
      port['protocol'] ??= 'TCP';
      port['targetPort'] ??= port['port'];
    }
  }
  if (spec['type'] !== 'ExternalName' && (spec['clusterIP'] === undefined || spec['clusterIP'] === '')) {
    spec['clusterIP'] = nextClusterIp(existing());
  }
  if (typeof spec['clusterIP'] === 'string' && spec['clusterIPs'] === undefined)
    spec['clusterIPs'] = [spec['clusterIP']];
};

const defaultNamespace: Defaulter = (object) => {
  const status = isPlainObject(object['status']) ? object['status'] : {};
  status['phase'] ??= 'Active';
  object['status'] = status;
};

const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  services: defaultService,
  namespaces: defaultNamespace,
};

/** Applies the kind's create defaults, if it has any. */
export function applyCreateDefaults(
  type: ResourceType,
  object: KubeObject,
  existing: () => readonly KubeObject[],
): void {
  DEFAULTERS[resourceKey(type)]?.(object, existing);
}
