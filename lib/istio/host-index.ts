import { type KubeObject } from '@/lib/kube/object';
import { fqdnOf, serviceFqdn, type ServiceRef } from './host';

/**
 * Objects (VirtualServices, DestinationRules…) by the hosts they name, for fast lookups by Service. Built once per
 * array and memoized by the array's identity, so a caller that keeps passing the same list pays for it once.
 */
export class HostIndex {
  private readonly exact = new Map<string, KubeObject[]>();
  private readonly wildcards: [suffix: string, object: KubeObject][] = [];

  constructor(objects: readonly KubeObject[], hostsOf: (object: KubeObject) => readonly string[]) {
    for (const object of objects) {
      const namespace = object.metadata.namespace ?? '';
      for (const host of new Set(hostsOf(object).map((h) => fqdnOf(h, namespace)))) {
        if (host.startsWith('*')) this.wildcards.push([host.slice(1), object]);
        else this.exact.set(host, [...(this.exact.get(host) ?? []), object]);
      }
    }
  }

  /** The objects naming the Service, exactly or by wildcard, each once. */
  lookup(service: ServiceRef): KubeObject[] {
    const fqdn = serviceFqdn(service);
    const found = [...(this.exact.get(fqdn) ?? [])];
    for (const [suffix, object] of this.wildcards) {
      if (fqdn.endsWith(suffix) && !found.includes(object)) found.push(object);
    }
    return found;
  }
}

/** A memo of HostIndexes by array identity, for one way of reading hosts. */
export function hostIndexMemo(
  hostsOf: (object: KubeObject) => readonly string[],
): (objects: readonly KubeObject[]) => HostIndex {
  const memo = new WeakMap<readonly KubeObject[], HostIndex>();
  return (objects) => {
    let index = memo.get(objects);
    if (index === undefined) {
      index = new HostIndex(objects, hostsOf);
      memo.set(objects, index);
    }
    return index;
  };
}
