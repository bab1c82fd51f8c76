/**
 * What every demo cluster runs besides the applications: `default` with the `kubernetes` Service, `kube-system`
 * with CoreDNS, `istio-system` with istiod, the ztunnel and istio-cni DaemonSets, the ingress gateway and the
 * GatewayClasses `istio` and `istio-waypoint`, and `meshlens-system`, where the dashboard keeps its audit records.
 *
 * The ingress gateway is Envoy, as in a real install, but it is not injected: its pods run `proxy router`. So that
 * the traffic engine and telemetry treat it like any Envoy proxy (L7 metrics, spans, never ztunnel-captured), its
 * pods carry the `sidecar.istio.io/status` annotation, which a real gateway pod does not. This is the one deliberate
 * departure from a real cluster in the world.
 */
import type { WorkloadKey } from '../model/behaviour';
import type { Built } from './json';
import { ISTIO_IMAGES, ISTIO_VERSION, KEYS, WORLD_TIME } from './labels';
import { SIDECAR_STATUS } from './pods';
import type { WorldBuilder } from './world-builder';

/** The ingress gateway: workload, Service and the Service's HTTP port. */
export const INGRESS = {
  workload: { namespace: 'istio-system', name: 'istio-ingressgateway' } satisfies WorkloadKey,
  service: { namespace: 'istio-system', service: 'istio-ingressgateway', port: 80 },
} as const;

const NO_MESH = { [KEYS.sidecarInject]: 'false', [KEYS.dataplaneMode]: 'none' };

function gatewayClass(name: string, controllerName: string, description: string): Built {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name },
    spec: { controllerName, description },
    status: {
      conditions: [
        {
          type: 'Accepted',
          status: 'True',
          reason: 'Accepted',
          message: 'Handled by Istio controller',
          observedGeneration: 1,
          lastTransitionTime: WORLD_TIME,
        },
      ],
    },
  };
}

function addKubernetesBasics(builder: WorldBuilder): void {
  builder.namespace('default');
  builder.service({
    namespace: 'default',
    name: 'kubernetes',
    clusterIP: '10.96.0.1',
    labels: { component: 'apiserver', provider: 'kubernetes' },
    ports: [{ name: 'https', port: 443, targetPort: 6443 }],
  });
  builder.namespace('kube-system');
  builder.serviceAccount('kube-system', 'coredns');
  const dns = { 'k8s-app': 'kube-dns' };
  builder.deployment({
    namespace: 'kube-system',
    name: 'coredns',
    replicas: 2,
    selector: dns,
    template: {
      labels: dns,
      serviceAccount: 'coredns',
      containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3' }],
    },
  });
  builder.service({
    namespace: 'kube-system',
    name: 'kube-dns',
    clusterIP: '10.96.0.10',
    labels: { ...dns, 'kubernetes.io/name': 'CoreDNS' },
    selector: dns,
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53 },
      { name: 'metrics', port: 9153 },
    ],
  });
}

function addControlPlane(builder: WorldBuilder): void {
  const ns = 'istio-system';
  builder.namespace(ns);
  builder.add(
    gatewayClass('istio', 'istio.io/gateway-controller', 'The default Istio GatewayClass'),
    gatewayClass('istio-waypoint', 'istio.io/mesh-controller', 'The default Istio waypoint GatewayClass'),
  );
  const istiod = { app: 'istiod', istio: 'pilot', [KEYS.rev]: 'default' };
  builder.serviceAccount(ns, 'istiod');
  builder.deployment({
    namespace: ns,
    name: 'istiod',
    labels: { ...istiod, 'app.kubernetes.io/version': ISTIO_VERSION },
    selector: { istio: 'pilot' },
    template: {
      labels: { ...istiod, [KEYS.sidecarInject]: 'false' },
      serviceAccount: 'istiod',
      containers: [
        { name: 'discovery', image: ISTIO_IMAGES.pilot, args: ['discovery', '--monitoringAddr=:15014'] },
      ],
    },
  });
  builder.service({
    namespace: ns,
    name: 'istiod',
    labels: istiod,
    selector: { app: 'istiod', istio: 'pilot' },
    ports: [
      { name: 'grpc-xds', port: 15010 },
      { name: 'https-dns', port: 15012 },
      { name: 'https-webhook', port: 443, targetPort: 15017 },
      { name: 'http-monitoring', port: 15014 },
    ],
  });
  builder.serviceAccount(ns, 'ztunnel');
  builder.daemonSet({
    namespace: ns,
    name: 'ztunnel',
    selector: { app: 'ztunnel' },
    template: {
      labels: { app: 'ztunnel', ...NO_MESH },
      serviceAccount: 'ztunnel',
      containers: [{ name: 'istio-proxy', image: ISTIO_IMAGES.ztunnel, args: ['proxy', 'ztunnel'] }],
    },
  });
  builder.serviceAccount(ns, 'istio-cni');
  builder.daemonSet({
    namespace: ns,
    name: 'istio-cni-node',
    selector: { 'k8s-app': 'istio-cni-node' },
    template: {
      labels: { 'k8s-app': 'istio-cni-node', ...NO_MESH },
      serviceAccount: 'istio-cni',
      hostNetwork: true,
      containers: [{ name: 'install-cni', image: ISTIO_IMAGES.cni, args: ['--log_output_level=info'] }],
    },
  });
}

function addIngressGateway(builder: WorldBuilder): void {
  const { namespace, name } = INGRESS.workload;
  const labels = { app: name, istio: 'ingressgateway' };
  const account = 'istio-ingressgateway-service-account';
  builder.serviceAccount(namespace, account, labels);
  builder.deployment({
    namespace,
    name,
    labels,
    selector: labels,
    template: {
      labels: {
        ...labels,
        [KEYS.sidecarInject]: 'false',
        [KEYS.canonicalName]: name,
        [KEYS.canonicalRevision]: 'latest',
      },
      // See the module comment: marks the gateway as an Envoy proxy for the simulation.
      annotations: { [KEYS.sidecarStatus]: SIDECAR_STATUS, 'prometheus.io/port': '15020' },
      serviceAccount: account,
      containers: [{ name: 'istio-proxy', image: ISTIO_IMAGES.proxy, args: ['proxy', 'router'] }],
    },
  });
  builder.service({
    namespace,
    name,
    type: 'LoadBalancer',
    labels,
    selector: labels,
    ports: [
      { name: 'status-port', port: 15021 },
      { name: 'http2', port: 80, targetPort: 8080 },
      { name: 'https', port: 443, targetPort: 8443 },
    ],
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
  });
  builder.behave({
    workloads: [
      { ...INGRESS.workload, medianMs: 0.8, p99Ms: 4, errorRate: 0, requestBytes: 620, responseBytes: 4_200 },
    ],
  });
}

/**
 * The dashboard's own namespace: where the write path keeps its audit records (ConfigMaps), as `AUDIT_NAMESPACE`
 * says by default. Out of the mesh, and labelled so that a person listing namespaces sees what it is for.
 */
export const DASHBOARD_NAMESPACE = 'meshlens-system';

/** Adds the Kubernetes, Istio and dashboard system namespaces and their workloads. */
export function addPlatform(builder: WorldBuilder): void {
  addKubernetesBasics(builder);
  addControlPlane(builder);
  addIngressGateway(builder);
  builder.namespace(DASHBOARD_NAMESPACE, {
    'app.kubernetes.io/part-of': 'meshlens',
    'meshlens.io/purpose': 'audit-records',
  });
}
