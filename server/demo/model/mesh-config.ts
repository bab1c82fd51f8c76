import type { KubeObject } from '@/lib/kube/object';

/**
 * The cluster as the traffic engine sees it at one tick: plain objects read from the demo API server's store, by
 * kind. The engine derives everything else (capture, waypoints, routes, policy) from these, so that a kubectl change
 * takes effect at the next tick.
 */
export interface MeshConfig {
  namespaces: KubeObject[];
  pods: KubeObject[];
  services: KubeObject[];
  serviceAccounts: KubeObject[];
  deployments: KubeObject[];
  daemonSets: KubeObject[];
  gateways: KubeObject[];
  gatewayClasses: KubeObject[];
  httpRoutes: KubeObject[];
  virtualServices: KubeObject[];
  destinationRules: KubeObject[];
  authorizationPolicies: KubeObject[];
  peerAuthentications: KubeObject[];
}
