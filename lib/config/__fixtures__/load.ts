/**
 * Reads the YAML in this folder: Istio's bookinfo samples (copied verbatim, then formatted) under `bookinfo/`, and
 * hand-written samples in the shapes istio.io documents under `samples/`.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '@/lib/kube/object';

/** The text of a file, e.g. `bookinfo/networking-virtual-service-reviews-80-20.yaml`. */
export function fixtureText(file: string): string {
  return readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
}

/** The documents of a YAML text as plain values, empty documents left out. */
export function parseDocuments(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined);
}

/** The objects of a file, with `namespace` filled in where the sample leaves it to kubectl. */
export function fixtureObjects(file: string, namespace = 'bookinfo'): KubeObject[] {
  return (parseDocuments(fixtureText(file)) as KubeObject[]).map((obj) => ({
    ...obj,
    metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? namespace },
  }));
}

/** The object of a file with the given kind and name. */
export function fixtureObject(file: string, kind: string, name: string, namespace = 'bookinfo'): KubeObject {
  const found = fixtureObjects(file, namespace).find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name} in ${file}`);
  return found;
}

/** Every routing and security sample: bookinfo's VirtualServices and DestinationRules, and the hand-written ones. */
export const SAMPLE_FILES: readonly string[] = [
  'bookinfo/networking-destination-rule-all.yaml',
  'bookinfo/networking-fault-injection-details-v1.yaml',
  'bookinfo/networking-virtual-service-all-v1.yaml',
  'bookinfo/networking-virtual-service-ratings-test-abort.yaml',
  'bookinfo/networking-virtual-service-reviews-80-20.yaml',
  'bookinfo/networking-virtual-service-reviews-test-v2.yaml',
  'bookinfo/gateway-api-bookinfo-gateway.yaml',
  'bookinfo/gateway-api-route-reviews-90-10.yaml',
  'samples/routing.yaml',
  'samples/authorization-policies.yaml',
  'samples/peer-authentications.yaml',
  'samples/request-authentications.yaml',
];
