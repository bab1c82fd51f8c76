/**
 * A tiny builder of MeshConfigs and behaviours for engine tests: namespaces with mesh labels, workloads with ready
 * pods, Services, waypoints and any Istio object. Pods get no istio-cni annotation unless asked, so that the labels
 * decide capture (the world's controllers write the annotation in the real demo).
 */
import type { KubeObject } from '@/lib/kube/object';
import type { MeshBehaviour, ServiceCall, TrafficSource, WorkloadBehaviour } from '../../model/behaviour';
import type { MeshConfig } from '../../model/mesh-config';

/** Options of a workload. */
export interface WorkloadOptions {
  app?: string;
  version?: string;
  replicas?: number;
  serviceAccount?: string;
  /** `sidecar` adds the injector's status annotation; `none` labels the pods out of ambient. */
  dataplane?: 'sidecar' | 'none';
  podLabels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
}

const KIND_FIELDS: Record<string, keyof MeshConfig> = {
  VirtualService: 'virtualServices',
  DestinationRule: 'destinationRules',
  AuthorizationPolicy: 'authorizationPolicies',
  PeerAuthentication: 'peerAuthentications',
  HTTPRoute: 'httpRoutes',
  Gateway: 'gateways',
  GatewayClass: 'gatewayClasses',
  Service: 'services',
  Deployment: 'deployments',
  ServiceAccount: 'serviceAccounts',
  Namespace: 'namespaces',
};

/** Builds MeshConfigs. Methods return the builder. */
export class MeshBuilder {
  readonly config: MeshConfig = {
    namespaces: [],
    pods: [],
    services: [],
    serviceAccounts: [],
    deployments: [],
    daemonSets: [],
    gateways: [],
    gatewayClasses: [],
    httpRoutes: [],
    virtualServices: [],
    destinationRules: [],
    authorizationPolicies: [],
    peerAuthentications: [],
  };
  private nextIp = 1;

  /** A namespace with labels (`{ 'istio.io/dataplane-mode': 'ambient' }`…). */
  namespace(name: string, labels: Record<string, string> = {}): this {
    this.config.namespaces.push({ kind: 'Namespace', metadata: { name, labels } });
    return this;
  }

  /** A Deployment `name` with `replicas` ready pods on nodes `node-0`, `node-1`… */
  workload(namespace: string, name: string, options: WorkloadOptions = {}): this {
    const app = options.app ?? name.replace(/-v\d+$/, '');
    const version = options.version ?? /-(v\d+)$/.exec(name)?.[1] ?? 'v1';
    const selector = { app, version };
    const serviceAccount = options.serviceAccount ?? app;
    const labels = {
      ...selector,
      ...options.podLabels,
      ...(options.dataplane === 'none' ? { 'istio.io/dataplane-mode': 'none' } : {}),
    };
    const annotations = {
      ...options.podAnnotations,
      ...(options.dataplane === 'sidecar'
        ? { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' }
        : {}),
    };
    this.config.deployments.push({
      kind: 'Deployment',
      metadata: { name, namespace, labels: selector },
      spec: {
        selector: { matchLabels: selector },
        template: { metadata: { labels }, spec: { serviceAccountName: serviceAccount } },
      },
    });
    for (let i = 0; i < (options.replicas ?? 1); i++) {
      const ip = `10.0.${Math.floor(this.nextIp / 250)}.${(this.nextIp % 250) + 1}`;
      this.nextIp += 1;
      this.config.pods.push({
        kind: 'Pod',
        metadata: {
          name: `${name}-${i}`,
          namespace,
          labels,
          annotations,
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-abc`, uid: '' }],
        },
        spec: { serviceAccountName: serviceAccount, nodeName: `node-${i % 2}` },
        status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
      });
    }
    return this;
  }

  /** A Service selecting `selector` (default `app: name`) with one port. */
  service(
    namespace: string,
    name: string,
    port = 9080,
    options: { selector?: Record<string, string>; portName?: string; labels?: Record<string, string> } = {},
  ): this {
    this.config.services.push({
      kind: 'Service',
      metadata: { name, namespace, labels: options.labels ?? {} },
      spec: {
        selector: options.selector ?? { app: name },
        ports: [{ name: options.portName ?? 'http', port }],
      },
    });
    return this;
  }

  /** A waypoint Gateway with one ready Envoy pod (as istiod would deploy it). */
  waypoint(namespace: string, name = 'waypoint', waypointFor?: string): this {
    const labels: Record<string, string> = waypointFor ? { 'istio.io/waypoint-for': waypointFor } : {};
    this.config.gateways.push({
      kind: 'Gateway',
      metadata: { name, namespace, labels },
      spec: { gatewayClassName: 'istio-waypoint' },
    });
    return this.workload(namespace, name, {
      app: name,
      version: 'latest',
      serviceAccount: name,
      podLabels: { 'gateway.networking.k8s.io/gateway-name': name, 'istio.io/dataplane-mode': 'none' },
    });
  }

  /** Any object, filed by its kind (namespace defaulted). */
  add(...objects: KubeObject[]): this {
    for (const object of objects) {
      const field = KIND_FIELDS[object.kind ?? ''];
      if (field === undefined) throw new Error(`no MeshConfig field for kind ${object.kind ?? '?'}`);
      this.config[field].push(object);
    }
    return this;
  }

  /** A new MeshConfig object with the objects so far (each call gives a new identity, as a store change would). */
  build(): MeshConfig {
    return Object.fromEntries(
      Object.entries(this.config).map(([k, v]) => [k, [...v]]),
    ) as unknown as MeshConfig;
  }
}

/** Behaviour of a workload with defaults: 10 ms median, 40 ms p99, no errors. */
export function behave(
  namespace: string,
  name: string,
  extra: Partial<WorkloadBehaviour> = {},
): WorkloadBehaviour {
  return {
    namespace,
    name,
    medianMs: 10,
    p99Ms: 40,
    errorRate: 0,
    requestBytes: 200,
    responseBytes: 2_000,
    ...extra,
  };
}

/** A call with defaults: once per request, degrade on error. */
export function call(from: string, to: string, extra: Partial<ServiceCall> = {}): ServiceCall {
  const [fromNs = '', fromName = ''] = from.split('/');
  const [toNs = '', service = ''] = to.split('/');
  return {
    from: { namespace: fromNs, name: fromName },
    to: { namespace: toNs, service, port: 9080 },
    perRequest: 1,
    onError: 'degrade',
    ...extra,
  };
}

/** A traffic source; `from` null is a client outside the cluster. */
export function source(
  from: string | null,
  to: string,
  ratePerSecond: number,
  extra: Partial<TrafficSource> = {},
): TrafficSource {
  const [toNs = '', service = ''] = to.split('/');
  const origin =
    from === null ? null : { namespace: from.split('/')[0] ?? '', name: from.split('/')[1] ?? '' };
  return { from: origin, to: { namespace: toNs, service, port: 9080 }, ratePerSecond, ...extra };
}

/** A behaviour from its parts. */
export function behaviourOf(
  workloads: WorkloadBehaviour[],
  calls: ServiceCall[],
  sources: TrafficSource[],
): MeshBehaviour {
  return { workloads, calls, sources };
}
