/**
 * A lint snapshot shaped like the demo cluster: bookinfo (from Istio's own manifests, one pod per Deployment, in
 * ambient behind the namespace waypoint), payments (ambient, no waypoint), legacy (sidecars), istio-system (the
 * ingress gateway), with bookinfo's DestinationRules. Tests add or replace parts.
 */
import type { KubeObject } from '@/lib/kube/object';
import { buildLintContext, type LintLists } from '../lint/context';
import type { LintContext } from '../lint/types';
import { fixtureObjects } from './load';

const CAPTURED = { 'ambient.istio.io/redirection': 'enabled' };
const SIDECAR = { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' };

function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A pod with labels, a service account and the annotations of its data plane. */
export function pod(
  ns: string,
  name: string,
  labels: Record<string, string>,
  serviceAccount: string,
  annotations: Record<string, string> = CAPTURED,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels, annotations },
    spec: { serviceAccountName: serviceAccount },
  };
}

/** A Service selecting `app=<name>`. */
export function service(ns: string, name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 8080 }] },
  };
}

type Template = { metadata?: { labels?: Record<string, string> }; spec?: { serviceAccountName?: string } };

/** One captured pod per bookinfo Deployment, with the template's labels and service account. */
function bookinfoPods(): KubeObject[] {
  return fixtureObjects('bookinfo/platform-kube-bookinfo.yaml')
    .filter((o) => o.kind === 'Deployment')
    .map((deployment) => {
      const template = (deployment.spec as { template?: Template } | undefined)?.template;
      return pod(
        'bookinfo',
        `${deployment.metadata.name}-0`,
        template?.metadata?.labels ?? {},
        template?.spec?.serviceAccountName ?? 'default',
      );
    });
}

const WAYPOINT: KubeObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'waypoint', namespace: 'bookinfo' },
  spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
};

/** The snapshot's lists; override any of them (null makes a part unknown). */
export function bookinfoLists(): Required<LintLists> {
  const manifests = [
    ...fixtureObjects('bookinfo/platform-kube-bookinfo.yaml'),
    ...fixtureObjects('bookinfo/platform-kube-bookinfo-versions.yaml'),
  ];
  return {
    namespaces: [
      namespace('bookinfo', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }),
      namespace('payments', { 'istio.io/dataplane-mode': 'ambient' }),
      namespace('legacy', { 'istio-injection': 'enabled' }),
      namespace('istio-system'),
    ],
    services: [
      ...manifests.filter((o) => o.kind === 'Service'),
      service('payments', 'api'),
      service('legacy', 'inventory'),
      service('istio-system', 'istio-ingressgateway'),
    ],
    serviceEntries: [
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: 'stripe', namespace: 'payments' },
        spec: { hosts: ['api.stripe.com'], location: 'MESH_EXTERNAL', resolution: 'DNS' },
      },
    ],
    pods: [
      ...bookinfoPods(),
      pod('bookinfo', 'waypoint-0', { 'gateway.networking.k8s.io/gateway-name': 'waypoint' }, 'waypoint', {}),
      pod('payments', 'api-v1-0', { app: 'api', version: 'v1' }, 'payments-api'),
      pod('legacy', 'inventory-v1-0', { app: 'inventory', version: 'v1' }, 'inventory', SIDECAR),
      pod(
        'istio-system',
        'istio-ingressgateway-0',
        { app: 'istio-ingressgateway' },
        'istio-ingressgateway-service-account',
        SIDECAR,
      ),
    ],
    gateways: [WAYPOINT],
    virtualServices: [],
    httpRoutes: [],
    destinationRules: fixtureObjects('bookinfo/networking-destination-rule-all.yaml'),
    authorizationPolicies: [],
  };
}

/** The snapshot, with some lists replaced. */
export function bookinfoContext(changes: LintLists = {}): LintContext {
  return buildLintContext({ ...bookinfoLists(), ...changes });
}
