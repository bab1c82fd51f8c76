/**
 * Objects for tests: a namespace, a pod and Istio resources, valid unless the name says otherwise.
 */
import { type KubeObject } from '../types';

/** A namespace. */
export function namespace(name: string, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } };
}

/** A running pod with one ready container. */
export function pod(ns: string, name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: { containers: [{ name: 'app', image: `${name}:1` }], nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIP: '10.0.0.7',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 2 }],
    },
  };
}

/** A VirtualService splitting traffic between two subsets. */
export function virtualService(ns: string, name: string, weights: [number, number] = [90, 10]): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: ns },
    spec: {
      hosts: [name],
      http: [
        {
          route: [
            { destination: { host: name, subset: 'v1' }, weight: weights[0] },
            { destination: { host: name, subset: 'v2' }, weight: weights[1] },
          ],
        },
      ],
    },
  };
}
