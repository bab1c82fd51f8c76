/**
 * Nodes and the pod network: each node `demo-worker-N` owns the pod range 10.244.N.0/24 (its `spec.podCIDR`) and
 * has the host address 172.18.0.N+1, as in a kind cluster. Pods get the next free address of their node's range;
 * hostNetwork pods share the node's address.
 */
import { type Built, listAt, stringAt } from './json';
import { KUBELET_VERSION, WORLD_TIME } from './labels';

/** A node as a pod placer sees it: where its addresses come from and which are taken. */
export interface NodeSlot {
  name: string;
  /** The node's InternalIP, which hostNetwork pods share. */
  hostIp: string;
  /** The first three octets of the node's pod range, with the trailing dot (`10.244.1.`). */
  podPrefix: string;
  /** Pod IPs in use on the node. */
  used: Set<string>;
  /** Pods placed on the node. */
  pods: number;
}

const ZONES = ['a', 'b', 'c'];

/** The Node object `demo-worker-<index>` (index from 1), with the given time in its conditions. */
export function nodeObject(index: number, time: string = WORLD_TIME): Built {
  const name = `demo-worker-${index}`;
  const hostIp = `172.18.0.${index + 1}`;
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ): Record<string, string> => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
  });
  const resources = { cpu: '8', memory: '32863228Ki', pods: '110', 'ephemeral-storage': '102626232Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': `demo-zone-${ZONES[(index - 1) % ZONES.length] ?? 'a'}`,
      },
    },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: hostIp },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        containerRuntimeVersion: 'containerd://2.0.2',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-31-amd64',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** Any object with a name: a Node or Pod from the world or from the store. */
type Named = { metadata: { name?: string } };

/** The slot of a Node object; undefined when it lacks a /24 pod range or an InternalIP. */
export function slotOf(node: Named): NodeSlot | undefined {
  const cidr = stringAt(node, 'spec.podCIDR');
  const match = cidr?.match(/^(\d+\.\d+\.\d+\.)0\/24$/);
  const internal = listAt(node, 'status.addresses').find((a) => stringAt(a, 'type') === 'InternalIP');
  const hostIp = stringAt(internal, 'address');
  if (!match?.[1] || !hostIp || !node.metadata.name) return undefined;
  return { name: node.metadata.name, hostIp, podPrefix: match[1], used: new Set(), pods: 0 };
}

/** The slots of a cluster's nodes, with the addresses and pod counts its pods already take. */
export function slotsOf(nodes: readonly Named[], pods: readonly Named[]): NodeSlot[] {
  const slots = nodes.map(slotOf).filter((s): s is NodeSlot => s !== undefined);
  const byName = new Map(slots.map((s) => [s.name, s]));
  for (const pod of pods) {
    const slot = byName.get(stringAt(pod, 'spec.nodeName') ?? '');
    if (!slot) continue;
    slot.pods++;
    const ip = stringAt(pod, 'status.podIP');
    if (ip) slot.used.add(ip);
  }
  return slots;
}

/** The node with the fewest pods (the first of them on a tie), or undefined when there is none. */
export function leastLoaded(slots: readonly NodeSlot[]): NodeSlot | undefined {
  let best: NodeSlot | undefined;
  for (const slot of slots) if (!best || slot.pods < best.pods) best = slot;
  return best;
}

/** Takes the next free pod address of a node (from .2); throws when its /24 is full. */
export function takePodIp(slot: NodeSlot): string {
  for (let n = 2; n < 255; n++) {
    const ip = `${slot.podPrefix}${n}`;
    if (!slot.used.has(ip)) {
      slot.used.add(ip);
      return ip;
    }
  }
  throw new Error(`node ${slot.name} has no free pod address left`);
}
