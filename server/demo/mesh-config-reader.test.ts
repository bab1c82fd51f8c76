import { describe, expect, it } from 'vitest';
import { ResourceStore } from './apiserver';
import { cachedMeshConfigReader, readMeshConfig } from './mesh-config-reader';

describe('readMeshConfig', () => {
  it('reads each kind the engine needs from the store, the Gateway API Gateway included', () => {
    const store = new ResourceStore();
    store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } });
    store.create('gateways.gateway.networking.k8s.io', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint', namespace: 'bookinfo' },
      spec: {
        gatewayClassName: 'istio-waypoint',
        listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      },
    });
    const config = readMeshConfig(store);
    expect(config.namespaces.map((n) => n.metadata.name)).toEqual(['bookinfo']);
    expect(config.gateways.map((g) => g.metadata.name)).toEqual(['waypoint']);
    expect(config.virtualServices).toEqual([]);
  });

  it('answers the same object until the store changes', () => {
    const store = new ResourceStore();
    const read = cachedMeshConfigReader(store);
    const first = read();
    expect(read()).toBe(first);
    store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'outside' } });
    const second = read();
    expect(second).not.toBe(first);
    expect(second.namespaces).toHaveLength(1);
  });
});
