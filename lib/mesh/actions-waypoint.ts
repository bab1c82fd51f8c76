/**
 * The create-waypoint action: a Gateway of class `istio-waypoint` with one HBONE listener on 15008 and
 * `istio.io/waypoint-for`, exactly as `istioctl waypoint generate` writes it (docs/istio-ambient.md, "The waypoint
 * Gateway"), for the namespace or for the workloads of one service account. Pure.
 */
import { isWaypointGateway, ISTIO_KEYS, WAYPOINT_CLASS } from '@/lib/istio';
import { labelOf, type KubeObject } from '@/lib/kube/object';
import type { JsonObject } from '@/lib/write/types';
import type {
  ActionObjects,
  ActionRequest,
  ActionUnavailable,
  MeshAction,
  WaypointFor,
} from './actions-types';
import { isCaptured, listText } from './actions-words';
import { isApplicationWorkload } from './view-inputs';

type CreateRequest = Extract<ActionRequest, { action: 'create-waypoint' }>;

/** The HBONE port a waypoint listens on. */
export const HBONE_PORT = 15008;

/** What a waypoint serves, in words. */
const SERVES: Readonly<Record<WaypointFor, string>> = {
  service: 'traffic addressed to Services',
  workload: 'traffic addressed to pod IPs (workloads), not to Services',
  all: 'traffic addressed to Services and to pod IPs',
};

/** The Gateway `istioctl waypoint generate -n <namespace> --name <name> --for <waypointFor>` writes. */
export function waypointGateway(namespace: string, name: string, waypointFor: WaypointFor): JsonObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace, labels: { [ISTIO_KEYS.waypointFor]: waypointFor } },
    spec: {
      gatewayClassName: WAYPOINT_CLASS,
      listeners: [{ name: 'mesh', port: HBONE_PORT, protocol: 'HBONE' }],
    },
  };
}

function serviceAccountOf(pod: KubeObject): string {
  return (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName || 'default';
}

/** The service accounts the namespace's application workloads run as, each once, by name. */
export function serviceAccountsOf(objects: ActionObjects): string[] {
  const accounts = objects.workloads
    .filter(isApplicationWorkload)
    .flatMap((w) => w.pods.map(serviceAccountOf));
  return [...new Set(accounts)].sort();
}

/** The warnings about the name: taken by a Gateway, or by a Service or Deployment istiod would have to create. */
function nameWarnings(objects: ActionObjects, namespace: string, name: string): string[] {
  const warnings: string[] = [];
  const gateway = objects.gateways.find(
    (g) => g.metadata.namespace === namespace && g.metadata.name === name,
  );
  if (gateway) {
    warnings.push(`A Gateway ${namespace}/${name} exists already: applying is refused; bind to it instead`);
    return warnings;
  }
  const ownedBy = (o: KubeObject): boolean => labelOf(o, ISTIO_KEYS.gatewayName) === name;
  for (const [kind, list] of [
    ['Service', objects.services],
    ['Deployment', objects.deployments],
  ] as const) {
    const taken = list.find((o) => o.metadata.name === name && !ownedBy(o));
    if (taken) {
      warnings.push(
        `${namespace} has a ${kind} named ${name} already: istiod cannot deploy the waypoint under that name`,
      );
    }
  }
  return warnings;
}

/** Create a waypoint in the namespace (namespace or service-account scope). */
export function createWaypoint(
  objects: ActionObjects,
  request: CreateRequest,
): MeshAction | ActionUnavailable {
  const namespace = objects.namespace.metadata.name;
  const account = request.scope === 'service-account' ? request.serviceAccount : undefined;
  if (request.scope === 'service-account' && !account) {
    return { unavailable: 'a service-account waypoint needs the service account it is for' };
  }
  const name = request.name ?? (account ? `${account}-waypoint` : 'waypoint');
  const effect = [
    `istiod deploys waypoint ${namespace}/${name}: an Envoy Deployment and a Service named ${name} (HBONE port ${HBONE_PORT}), Programmed once its pod is ready`,
    `It serves ${SERVES[request.waypointFor]} (${ISTIO_KEYS.waypointFor}=${request.waypointFor})`,
  ];
  const applications = objects.workloads.filter(isApplicationWorkload);
  const warnings = nameWarnings(objects, namespace, name);
  if (account) {
    const workloads = applications
      .filter((w) => w.pods.some((p) => serviceAccountOf(p) === account))
      .map((w) => w.name);
    effect.push(
      workloads.length > 0
        ? `Nothing passes through it until the workloads running as ${account} (${listText(workloads)}) are bound to it with ${ISTIO_KEYS.useWaypoint}=${name} on their pods`
        : `Nothing passes through it until workloads are bound to it with ${ISTIO_KEYS.useWaypoint}=${name}`,
    );
    if (workloads.length === 0) warnings.push(`No pod of ${namespace} runs as service account ${account}`);
    warnings.push(
      'Istio has no per-service-account Gateway field (since 1.22): a service-account waypoint serves the workloads bound to it by label',
    );
  } else {
    effect.push(
      `Nothing passes through it until ${namespace} or its Services name it with ${ISTIO_KEYS.useWaypoint}=${name} (Bind)`,
    );
  }
  if (!isCaptured(objects)) {
    warnings.push(
      `${namespace} has no pod captured by ztunnel: the waypoint sees none of its traffic until the namespace is in ambient`,
    );
  }
  const existing = objects.gateways
    .filter(
      (g) => g.metadata.namespace === namespace && isWaypointGateway(g, objects) && g.metadata.name !== name,
    )
    .map((g) => g.metadata.name);
  if (existing.length > 0)
    warnings.push(
      `${namespace} has ${existing.length === 1 ? 'a waypoint' : 'waypoints'} already: ${listText(existing)}`,
    );
  return {
    action: 'create-waypoint',
    title: account
      ? `Create waypoint ${name} for service account ${account}`
      : `Create waypoint ${namespace}/${name}`,
    kind: 'Gateway',
    namespace,
    name,
    object: waypointGateway(namespace, name, request.waypointFor),
    effect,
    warnings,
  };
}
