import { describe, expect, it } from 'vitest';
import { type PodFacts, isPodCaptured, isPodInjected } from './capture';

const AMBIENT = { 'istio.io/dataplane-mode': 'ambient' };
const SIDECAR_STATUS = { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' };

describe('isPodCaptured (docs/istio-ambient.md, "Precedence")', () => {
  const rows: [string, PodFacts, Record<string, string> | undefined, boolean][] = [
    ['pod in an ambient namespace', {}, AMBIENT, true],
    ['pod without labels in a plain namespace', {}, {}, false],
    ['pod in a namespace without labels at all', {}, undefined, false],
    ['pod saying ambient in a plain namespace', { labels: AMBIENT }, {}, true],
    [
      'pod saying none in an ambient namespace',
      { labels: { 'istio.io/dataplane-mode': 'none' } },
      AMBIENT,
      false,
    ],
    ['pod saying ambient in an ambient namespace', { labels: AMBIENT }, AMBIENT, true],
    ['sidecar pod in an ambient namespace', { annotations: SIDECAR_STATUS }, AMBIENT, false],
    ['sidecar pod saying ambient', { labels: AMBIENT, annotations: SIDECAR_STATUS }, AMBIENT, false],
    ['hostNetwork pod in an ambient namespace', { hostNetwork: true }, AMBIENT, false],
    ['hostNetwork pod saying ambient', { hostNetwork: true, labels: AMBIENT }, {}, false],
    ['namespace with another dataplane mode', {}, { 'istio.io/dataplane-mode': 'none' }, false],
    ['namespace with sidecar injection only', {}, { 'istio-injection': 'enabled' }, false],
    [
      'waypoint pod (its template says none) in an ambient namespace',
      { labels: { 'istio.io/dataplane-mode': 'none', 'gateway.networking.k8s.io/gateway-name': 'waypoint' } },
      AMBIENT,
      false,
    ],
  ];
  it.each(rows)('%s -> %s', (_name, pod, namespaceLabels, expected) => {
    expect(isPodCaptured(pod, namespaceLabels)).toBe(expected);
  });

  it('ignores a stale redirection annotation: the labels decide, the annotation is its result', () => {
    expect(isPodCaptured({ annotations: { 'ambient.istio.io/redirection': 'enabled' } }, {})).toBe(false);
  });
});

describe('isPodInjected', () => {
  const ENABLED = { 'istio-injection': 'enabled' };
  const rows: [string, Record<string, string> | undefined, Record<string, string> | undefined, boolean][] = [
    ['namespace istio-injection=enabled', {}, ENABLED, true],
    ['namespace with a revision label', {}, { 'istio.io/rev': 'default' }, true],
    ['pod opting out in an injected namespace', { 'sidecar.istio.io/inject': 'false' }, ENABLED, false],
    ['pod opting in in a plain namespace', { 'sidecar.istio.io/inject': 'true' }, {}, true],
    [
      'pod opting in in a namespace that disables injection',
      { 'sidecar.istio.io/inject': 'true' },
      { 'istio-injection': 'disabled' },
      false,
    ],
    ['ambient namespace', {}, AMBIENT, false],
    ['no labels anywhere', undefined, undefined, false],
  ];
  it.each(rows)('%s -> %s', (_name, podLabels, namespaceLabels, expected) => {
    expect(isPodInjected(podLabels, namespaceLabels)).toBe(expected);
  });
});
