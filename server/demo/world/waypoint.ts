/**
 * A waypoint as Istio deploys it for a Gateway of class `istio-waypoint` (istiod's `waypoint.yaml` template): a
 * ServiceAccount, a Service with the HBONE port, and a Deployment of Envoy whose pods say
 * `istio.io/dataplane-mode=none` (a waypoint is never captured itself), plus the Gateway status istiod writes.
 */
import { type ServiceSpec, serviceAccountObject } from './core-objects';
import { type Built, type Json, type OwnerRef, listAt, stringAt } from './json';
import { HBONE_PORT, ISTIO_IMAGES, KEYS, MESH_CONTROLLER, WAYPOINT_CLASS, WORLD_TIME } from './labels';
import type { WorldBuilder } from './world-builder';
import type { WorkloadSpec } from './workloads';

/** The Gateway object of a waypoint (what `istioctl waypoint apply -n <namespace>` creates). */
export function waypointGateway(namespace: string, name = 'waypoint', waypointFor = 'service'): Built {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace, labels: { [KEYS.waypointFor]: waypointFor } },
    spec: {
      gatewayClassName: WAYPOINT_CLASS,
      listeners: [{ name: 'mesh', port: HBONE_PORT, protocol: 'HBONE' }],
    },
  };
}

/** True for a Gateway of the waypoint class. */
export function isWaypoint(gateway: unknown): boolean {
  return stringAt(gateway, 'spec.gatewayClassName') === WAYPOINT_CLASS;
}

/** The owner reference from a waypoint's objects to its Gateway (`uid` empty until known). */
export function gatewayOwner(name: string, uid = ''): OwnerRef {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name, uid };
}

function infraLabels(name: string): Record<string, string> {
  return { [KEYS.gatewayName]: name, [KEYS.gatewayClassName]: WAYPOINT_CLASS };
}

/** The waypoint's ServiceAccount, named after the Gateway. */
export function waypointServiceAccount(namespace: string, name: string, owner: OwnerRef): Built {
  return serviceAccountObject(namespace, name, infraLabels(name), owner);
}

/** The waypoint's Service: the status port and the HBONE port, selecting the waypoint's pods. */
export function waypointService(namespace: string, name: string, owner: OwnerRef): ServiceSpec {
  return {
    namespace,
    name,
    labels: infraLabels(name),
    annotations: { 'networking.istio.io/traffic-distribution': 'PreferClose' },
    selector: { [KEYS.gatewayName]: name },
    ports: [
      { name: 'status-port', port: 15021, appProtocol: 'tcp' },
      { name: 'mesh', port: HBONE_PORT, appProtocol: 'all' },
    ],
    ownerReferences: [owner],
  };
}

/** The waypoint's Deployment: one Envoy pod running `proxy waypoint`. */
export function waypointWorkload(namespace: string, name: string, owner: OwnerRef): WorkloadSpec {
  return {
    namespace,
    name,
    labels: { ...infraLabels(name), [KEYS.gatewayManaged]: MESH_CONTROLLER },
    selector: { [KEYS.gatewayName]: name },
    ownerReferences: [owner],
    template: {
      labels: {
        [KEYS.sidecarInject]: 'false',
        [KEYS.dataplaneMode]: 'none',
        [KEYS.canonicalName]: name,
        [KEYS.canonicalRevision]: 'latest',
        ...infraLabels(name),
        [KEYS.gatewayManaged]: MESH_CONTROLLER,
      },
      annotations: {
        [KEYS.rev]: 'default',
        'prometheus.io/path': '/stats/prometheus',
        'prometheus.io/port': '15020',
        'prometheus.io/scrape': 'true',
      },
      serviceAccount: name,
      containers: [
        {
          name: 'istio-proxy',
          image: ISTIO_IMAGES.proxy,
          args: ['proxy', 'waypoint', '--domain', `${namespace}.svc.cluster.local`],
          ports: [
            { containerPort: 15020, name: 'metrics', protocol: 'TCP' },
            { containerPort: 15021, name: 'status-port', protocol: 'TCP' },
            { containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' },
          ],
        },
      ],
    },
  };
}

/** The status istiod writes on a programmed waypoint Gateway. */
export function waypointStatus(
  gateway: { metadata: { name: string; namespace?: string; generation?: number } },
  clusterIp: string,
  time: string = WORLD_TIME,
): Json {
  const { name, namespace = '', generation = 1 } = gateway.metadata;
  const condition = (type: string, message: string): Json => ({
    type,
    status: 'True',
    reason: type,
    message,
    observedGeneration: generation,
    lastTransitionTime: time,
  });
  return {
    addresses: [{ type: 'IPAddress', value: clusterIp }],
    conditions: [
      condition('Accepted', 'Resource accepted'),
      condition(
        'Programmed',
        `Resource programmed, assigned to service(s) ${name}.${namespace}.svc.cluster.local:${HBONE_PORT}`,
      ),
    ],
  };
}

/** True when the Gateway's status already says what {@link waypointStatus} would (times aside). */
export function hasWaypointStatus(
  gateway: { metadata: { generation?: number }; status?: unknown },
  clusterIp: string,
): boolean {
  const generation = gateway.metadata.generation ?? 1;
  const conditions = listAt(gateway, 'status.conditions');
  const holds = (type: string): boolean =>
    conditions.some(
      (c) =>
        stringAt(c, 'type') === type &&
        stringAt(c, 'status') === 'True' &&
        (c as Json)['observedGeneration'] === generation,
    );
  const address = stringAt(listAt(gateway, 'status.addresses')[0], 'value');
  return holds('Accepted') && holds('Programmed') && address === clusterIp;
}

/** Adds a programmed waypoint (Gateway, ServiceAccount, Service, Deployment and pod) to a world being built. */
export function addWaypoint(builder: WorldBuilder, namespace: string, name = 'waypoint'): void {
  const owner = gatewayOwner(name);
  const gateway = waypointGateway(namespace, name);
  builder.serviceAccount(namespace, name, infraLabels(name), owner);
  gateway['status'] = waypointStatus(gateway, builder.service(waypointService(namespace, name, owner)));
  builder.add(gateway);
  builder.deployment(waypointWorkload(namespace, name, owner));
}
