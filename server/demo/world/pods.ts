/**
 * Pods as the kubelet reports them once running: placed on a node with an address from its range, Ready, with
 * container statuses, and with what Istio's admission steps add: the sidecar (injector) or the redirection
 * annotation (istio-cni) according to the pod's and namespace's labels.
 */
import { isPodCaptured, isPodInjected } from './capture';
import type { Built, Json, OwnerRef } from './json';
import { ISTIO_IMAGES, KEYS, WORLD_TIME } from './labels';
import { type NodeSlot, takePodIp } from './nodes';

/** One container of a pod template. */
export interface ContainerSpec {
  name: string;
  image: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  args?: string[];
}

/** What a Deployment's or DaemonSet's pods look like. */
export interface PodTemplate {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  serviceAccount: string;
  containers: ContainerSpec[];
  hostNetwork?: boolean;
}

/** Where and when a pod is made. */
export interface PodPlacement {
  namespace: string;
  name: string;
  owner: OwnerRef;
  /** Labels the owner adds (`pod-template-hash`, `controller-revision-hash`). */
  extraLabels: Record<string, string>;
  node: NodeSlot;
  /** Labels of the pod's namespace, for injection and capture. */
  namespaceLabels: Readonly<Record<string, string>> | undefined;
  time?: string;
}

/** The `sidecar.istio.io/status` value the injector writes (what it added to the pod). */
export const SIDECAR_STATUS = JSON.stringify({
  initContainers: null,
  containers: ['istio-proxy'],
  volumes: [
    'workload-socket',
    'credential-socket',
    'workload-certs',
    'istio-envoy',
    'istio-data',
    'istio-podinfo',
  ],
  imagePullSecrets: null,
  revision: 'default',
});

/** A pod template as it appears in a Deployment's or DaemonSet's spec. */
export function templateObject(template: PodTemplate): Json {
  return {
    metadata: { labels: template.labels, ...(template.annotations && { annotations: template.annotations }) },
    spec: {
      serviceAccountName: template.serviceAccount,
      containers: template.containers,
      ...(template.hostNetwork && { hostNetwork: true }),
    },
  };
}

/** What the sidecar injector changes: the istio-proxy container, its status annotation and Istio's labels. */
function inject(
  labels: Record<string, string>,
  annotations: Record<string, string>,
  containers: ContainerSpec[],
): void {
  labels[KEYS.tlsMode] = 'istio';
  labels[KEYS.canonicalName] ??= labels['app'] ?? 'unknown';
  labels[KEYS.canonicalRevision] ??= labels['version'] ?? 'latest';
  Object.assign(annotations, {
    [KEYS.sidecarStatus]: SIDECAR_STATUS,
    [KEYS.rev]: 'default',
    'kubectl.kubernetes.io/default-container': containers[0]?.name ?? 'app',
    'prometheus.io/path': '/stats/prometheus',
    'prometheus.io/port': '15020',
    'prometheus.io/scrape': 'true',
  });
  containers.push({
    name: 'istio-proxy',
    image: ISTIO_IMAGES.proxy,
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local'],
    ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
  });
}

/** A running pod of `template`, placed on `placement.node` (whose address and pod count it takes). */
export function buildPod(template: PodTemplate, placement: PodPlacement): Built {
  const time = placement.time ?? WORLD_TIME;
  const labels = { ...template.labels, ...placement.extraLabels };
  const annotations = { ...template.annotations };
  const containers = template.containers.map((c) => ({ ...c }));
  if (isPodInjected(labels, placement.namespaceLabels)) inject(labels, annotations, containers);
  const hostNetwork = template.hostNetwork === true;
  if (isPodCaptured({ labels, annotations, hostNetwork }, placement.namespaceLabels)) {
    annotations[KEYS.redirection] = 'enabled';
  }
  const node = placement.node;
  const ip = hostNetwork ? node.hostIp : takePodIp(node);
  node.pods++;
  const condition = (type: string): Json => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: time,
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: placement.name,
      namespace: placement.namespace,
      labels,
      ...(Object.keys(annotations).length > 0 && { annotations }),
      ownerReferences: [placement.owner],
    },
    spec: {
      containers,
      serviceAccountName: template.serviceAccount,
      serviceAccount: template.serviceAccount,
      nodeName: node.name,
      restartPolicy: 'Always',
      dnsPolicy: hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      ...(hostNetwork && { hostNetwork: true }),
    },
    status: {
      phase: 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
      hostIP: node.hostIp,
      hostIPs: [{ ip: node.hostIp }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: time,
      qosClass: 'BestEffort',
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: time } },
      })),
    },
  };
}
