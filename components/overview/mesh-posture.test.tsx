import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { controlPlane } from '@/lib/mesh/control-plane';
import { namespacePosture } from '@/lib/mesh/namespace-posture';
import { AMBIENT, CAPTURED, daemonSet, deployment, ns, pod } from '@/lib/mesh/__fixtures__/cluster';
import { DEFAULT_VIEW } from '@/lib/view-state';
import { ControlPlaneStrip } from './control-plane-strip';
import { NamespaceCard } from './namespace-card';
import { graphHref } from './posture-format';

describe('ControlPlaneStrip', () => {
  it('has one item per component with its state, and the nodes of a DaemonSet', () => {
    const components = controlPlane({
      deployments: [
        deployment('istio-system', 'istiod', {
          image: 'istio/pilot:1.28.0',
          templateLabels: { app: 'istiod' },
        }),
      ],
      daemonSets: [
        daemonSet('istio-system', 'ztunnel', {
          image: 'istio/ztunnel:1.28.0',
          templateLabels: { app: 'ztunnel' },
          desired: 2,
          ready: 1,
        }),
      ],
      pods: [
        pod('istio-system', 'ztunnel-a', { node: 'node-1', owner: { kind: 'DaemonSet', name: 'ztunnel' } }),
        pod('istio-system', 'ztunnel-b', {
          node: 'node-2',
          ready: false,
          owner: { kind: 'DaemonSet', name: 'ztunnel' },
        }),
      ],
      gatewayApi: { gateways: 'missing_kind', httproutes: 'missing_kind' },
      capturedNodes: new Set(['node-2']),
    });
    const html = renderToStaticMarkup(<ControlPlaneStrip components={components} />);
    expect(html).toContain('data-testid="control-plane"');
    for (const [id, state] of [
      ['istiod', 'ok'],
      ['ztunnel', 'error'],
      ['cni', 'error'],
      ['gateway-api', 'warn'],
    ]) {
      expect(html).toContain(`data-testid="control-plane-${id}" data-state="${state}"`);
    }
    expect(html).toMatch(/data-node="node-2" data-ready="false"[^>]*>.*node-2.* not ready/);
  });
});

describe('NamespaceCard', () => {
  const posture = namespacePosture(
    ns('bookinfo', { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' }),
    { pods: [pod('bookinfo', 'a', { annotations: CAPTURED })], services: [] },
    { gateways: [], gatewayClasses: [], peerAuthentications: [], traffic: null, ztunnelReadyNodes: null },
  );
  const view = { ...DEFAULT_VIEW, window: '15m' as const, namespaces: ['payments'] };

  it('carries what tests and people look for: namespace, mode, health, the problem, the graph link', () => {
    const html = renderToStaticMarkup(
      <NamespaceCard posture={posture} graphHref={graphHref(view, 'bookinfo')} />,
    );
    expect(html).toContain(
      'data-testid="namespace-card" data-namespace="bookinfo" data-mode="ambient" data-health="unknown"',
    );
    expect(html).toContain('href="/graph?ns=bookinfo&amp;window=15m"');
    expect(html).toMatch(/data-testid="namespace-mode"[^>]*>ambient</);
    expect(html).toContain('bookinfo/waypoint');
    expect(html).toMatch(
      /data-testid="namespace-problems"[^]*uses waypoint bookinfo\/waypoint which does not exist/,
    );
    expect(html).toContain('rates unavailable');
  });
});
