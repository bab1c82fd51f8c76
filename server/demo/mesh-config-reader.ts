import type { KubeObject } from '@/lib/kube/object';
import type { ResourceStore } from './apiserver';
import type { MeshConfig } from './model/mesh-config';

/** Which store resource fills which field of {@link MeshConfig}. */
const SOURCES: Record<keyof MeshConfig, string> = {
  namespaces: 'namespaces',
  pods: 'pods',
  services: 'services',
  serviceAccounts: 'serviceaccounts',
  deployments: 'deployments',
  daemonSets: 'daemonsets',
  gateways: 'gateways.gateway.networking.k8s.io',
  gatewayClasses: 'gatewayclasses',
  httpRoutes: 'httproutes',
  virtualServices: 'virtualservices',
  destinationRules: 'destinationrules',
  authorizationPolicies: 'authorizationpolicies',
  peerAuthentications: 'peerauthentications',
};

/**
 * Reads the demo cluster's objects for one tick of the traffic engine. This is the simulated data plane reading its
 * own cluster (as istiod and ztunnel would), not the dashboard: the dashboard only ever goes through the API.
 */
export function readMeshConfig(store: ResourceStore): MeshConfig {
  const config = {} as Record<keyof MeshConfig, KubeObject[]>;
  for (const [field, resource] of Object.entries(SOURCES) as [keyof MeshConfig, string][]) {
    config[field] = store.list(resource).items as KubeObject[];
  }
  return config;
}

/**
 * A reader that answers the same {@link MeshConfig} object while the store has not changed (same
 * resourceVersion), so that ticks do not copy every object again and the engine can memoize by identity.
 */
export function cachedMeshConfigReader(store: ResourceStore): () => MeshConfig {
  let seen: string | undefined;
  let config: MeshConfig | undefined;
  return () => {
    if (config === undefined || store.resourceVersion !== seen) {
      seen = store.resourceVersion;
      config = readMeshConfig(store);
    }
    return config;
  };
}
