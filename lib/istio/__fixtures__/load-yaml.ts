/**
 * Loads the Istio sample YAML copied into this folder (bookinfo's VirtualServices, DestinationRules, HTTPRoute
 * and platform manifests) as plain objects, with a namespace filled in where the sample leaves it to kubectl.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '@/lib/kube/object';

/** The objects of `bookinfo/<file>`, in `namespace` unless they name one. */
export function loadBookinfo(file: string, namespace = 'bookinfo'): KubeObject[] {
  const text = readFileSync(new URL(`./bookinfo/${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((obj): obj is KubeObject => obj !== null && typeof obj === 'object' && 'metadata' in obj)
    .map((obj) => ({
      ...obj,
      metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? namespace },
    }));
}

/** The objects of a file of the given kind. */
export function loadKind(file: string, kind: string, namespace = 'bookinfo'): KubeObject[] {
  return loadBookinfo(file, namespace).filter((obj) => obj.kind === kind);
}
