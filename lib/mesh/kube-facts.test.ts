import { describe, expect, it } from 'vitest';
import { deployment, pod } from './__fixtures__/cluster';
import { imageVersion, isInfrastructurePod, isPodReady, workloadVersion } from './kube-facts';

describe('imageVersion', () => {
  const rows: [string, string | undefined][] = [
    ['docker.io/istio/pilot:1.28.0', '1.28.0'],
    ['gcr.io/istio-release/ztunnel:1.28.0-distroless', '1.28.0'],
    ['docker.io/istio/install-cni:1.29.0-beta.1', '1.29.0-beta.1'],
    ['registry:5000/istio/pilot:v1.27.3', '1.27.3'],
    ['docker.io/istio/pilot:1.28', '1.28'],
    ['docker.io/istio/pilot:latest', undefined],
    ['registry:5000/istio/pilot', undefined],
    ['docker.io/istio/pilot@sha256:abcdef', undefined],
    ['docker.io/istio/pilot:1.28.0@sha256:abcdef', '1.28.0'],
  ];
  it.each(rows)('%s -> %s', (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });

  it('falls back to the app.kubernetes.io/version label when the image names no version', () => {
    const d = deployment('istio-system', 'istiod', {
      image: 'docker.io/istio/pilot@sha256:abc',
      templateLabels: { app: 'istiod' },
      labels: { 'app.kubernetes.io/version': '1.28.0' },
    });
    expect(workloadVersion(d)).toBe('1.28.0');
  });
});

describe('isInfrastructurePod', () => {
  const rows: [string, Record<string, string>, boolean][] = [
    ['a waypoint pod', { 'gateway.networking.k8s.io/gateway-name': 'waypoint' }, true],
    ['the ingress gateway', { istio: 'ingressgateway', app: 'istio-ingressgateway' }, true],
    ['istiod', { app: 'istiod', istio: 'pilot' }, true],
    ['ztunnel', { app: 'ztunnel' }, true],
    ['istio-cni', { 'k8s-app': 'istio-cni-node' }, true],
    ['an application', { app: 'reviews', version: 'v1' }, false],
  ];
  it.each(rows)('%s: %s', (_name, labels, expected) => {
    expect(isInfrastructurePod(pod('ns', 'p', { labels }))).toBe(expected);
  });
});

describe('isPodReady', () => {
  it('reads the Ready condition', () => {
    expect(isPodReady(pod('ns', 'a'))).toBe(true);
    expect(isPodReady(pod('ns', 'a', { ready: false }))).toBe(false);
    expect(isPodReady({ metadata: { name: 'bare' } })).toBe(false);
  });
});
