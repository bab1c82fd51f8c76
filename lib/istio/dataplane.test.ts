import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/kube/object';
import { dataplaneOf, type Dataplane } from './dataplane';

function pod(
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
  hostNetwork = false,
): KubeObject {
  return { metadata: { name: 'p', namespace: 'ns', labels, annotations }, spec: { hostNetwork } };
}
function namespace(labels: Record<string, string> = {}): KubeObject {
  return { metadata: { name: 'ns', labels } };
}
const AMBIENT = { 'istio.io/dataplane-mode': 'ambient' };
const NONE = { 'istio.io/dataplane-mode': 'none' };

describe('dataplaneOf (docs: "A pod is captured when…")', () => {
  const rows: [string, KubeObject, KubeObject | undefined, Dataplane, RegExp][] = [
    ['a pod in an ambient namespace', pod(), namespace(AMBIENT), 'ambient', /namespace/],
    ['a pod opted out of an ambient namespace', pod(NONE), namespace(AMBIENT), 'none', /opted out/],
    ['a pod labelled ambient in a plain namespace', pod(AMBIENT), namespace(), 'ambient', /own/],
    ['a pod with no labels anywhere', pod(), namespace(), 'none', /not enrolled/],
    ['a pod whose namespace is unknown', pod(), undefined, 'none', /not enrolled/],
    [
      'istio-cni says enabled though no label does',
      pod({}, { 'ambient.istio.io/redirection': 'enabled' }),
      namespace(),
      'ambient',
      /istio-cni/,
    ],
    [
      'istio-cni says pending in an ambient namespace',
      pod({}, { 'ambient.istio.io/redirection': 'pending' }),
      namespace(AMBIENT),
      'none',
      /pending/,
    ],
    [
      'a sidecar pod in an ambient namespace',
      pod({}, { 'sidecar.istio.io/status': '{}' }),
      namespace(AMBIENT),
      'sidecar',
      /sidecar/,
    ],
    ['a hostNetwork pod labelled ambient', pod(AMBIENT, {}, true), namespace(AMBIENT), 'none', /hostNetwork/],
    // More rows from docs/istio-ambient.md, "Precedence".
    [
      'docs: prefer the redirection annotation over the labels (enabled despite a none label)',
      pod(NONE, { 'ambient.istio.io/redirection': 'enabled' }),
      namespace(AMBIENT),
      'ambient',
      /istio-cni reports redirection enabled/,
    ],
    [
      'docs: sidecar pods are never captured, even labelled ambient',
      pod(AMBIENT, { 'sidecar.istio.io/status': '{}' }),
      namespace(AMBIENT),
      'sidecar',
      /sidecar injected/,
    ],
    [
      'docs: hostNetwork pods are never captured, even in an ambient namespace',
      pod({}, {}, true),
      namespace(AMBIENT),
      'none',
      /hostNetwork/,
    ],
    [
      'docs: a pod labelled none in a namespace that says nothing is not enrolled',
      pod(NONE),
      namespace(),
      'none',
      /opted out/,
    ],
  ];
  it.each(rows)('%s', (_name, p, ns, dataplane, reason) => {
    const decision = dataplaneOf(p, ns);
    expect(decision.dataplane).toBe(dataplane);
    expect(decision.reason).toMatch(reason);
  });
});
