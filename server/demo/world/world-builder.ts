/**
 * Collects a world's objects and behaviour while it is being described: nodes, namespaces (whose labels decide
 * injection and capture of the pods made in them), service accounts, services with cluster IPs, workloads with
 * their pods placed on the least loaded node, and the behaviour rows that go with them.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { MeshBehaviour, ServiceCall, TrafficSource, WorkloadBehaviour } from '../model/behaviour';
import type { Random } from '@/lib/random';
import { type ServiceSpec, namespaceObject, serviceAccountObject, serviceObject } from './core-objects';
import type { Built, OwnerRef } from './json';
import { intBetween } from './names';
import { type NodeSlot, nodeObject, slotOf } from './nodes';
import { type WorkloadSpec, daemonSetObjects, deploymentObjects } from './workloads';

/** The demo cluster's starting state: its Kubernetes objects and what its applications do. */
export interface DemoWorld {
  /** Objects in dependency order (owners before what they own); owner uids are filled in by materializeWorld. */
  objects: KubeObject[];
  behaviour: MeshBehaviour;
}

/** Builds a {@link DemoWorld} step by step. */
export class WorldBuilder {
  readonly objects: Built[] = [];
  readonly behaviour: MeshBehaviour = { workloads: [], calls: [], sources: [] };
  readonly slots: NodeSlot[] = [];
  private readonly namespaceLabels = new Map<string, Record<string, string>>();
  private readonly accounts = new Set<string>();
  private readonly clusterIps = new Set<string>(['10.96.0.1', '10.96.0.10']);

  constructor(
    readonly random: Random,
    nodeCount: number,
  ) {
    for (let i = 1; i <= nodeCount; i++) {
      const node = nodeObject(i);
      const slot = slotOf(node);
      if (slot) this.slots.push(slot);
      this.objects.push(node);
    }
  }

  /** Adds a namespace with its labels (plus `kubernetes.io/metadata.name`, as the API server sets it). */
  namespace(name: string, labels: Record<string, string> = {}): void {
    const namespace = namespaceObject(name, labels);
    this.namespaceLabels.set(name, namespace.metadata.labels ?? {});
    this.objects.push(namespace);
  }

  /** Adds a ServiceAccount unless the namespace already has one of that name. */
  serviceAccount(namespace: string, name: string, labels?: Record<string, string>, owner?: OwnerRef): void {
    if (this.accounts.has(`${namespace}/${name}`)) return;
    this.accounts.add(`${namespace}/${name}`);
    this.objects.push(serviceAccountObject(namespace, name, labels, owner));
  }

  /** Adds a Service and returns its cluster IP. */
  service(spec: ServiceSpec): string {
    const clusterIP = spec.clusterIP ?? this.freeClusterIp();
    this.clusterIps.add(clusterIP);
    this.objects.push(serviceObject({ ...spec, clusterIP }));
    return clusterIP;
  }

  /** Adds a Deployment, its ReplicaSet and pods; returns them. */
  deployment(spec: WorkloadSpec): Built[] {
    const objects = deploymentObjects(spec, this.context(spec.namespace));
    this.objects.push(...objects);
    return objects;
  }

  /** Adds a DaemonSet with a pod on every node; returns them. */
  daemonSet(spec: WorkloadSpec): Built[] {
    const objects = daemonSetObjects(spec, this.context(spec.namespace));
    this.objects.push(...objects);
    return objects;
  }

  /** Adds objects as they are. */
  add(...objects: Built[]): void {
    this.objects.push(...objects);
  }

  /** Adds behaviour rows. */
  behave(rows: { workloads?: WorkloadBehaviour[]; calls?: ServiceCall[]; sources?: TrafficSource[] }): void {
    this.behaviour.workloads.push(...(rows.workloads ?? []));
    this.behaviour.calls.push(...(rows.calls ?? []));
    this.behaviour.sources.push(...(rows.sources ?? []));
  }

  /** The labels a namespace was added with. */
  labelsOf(namespace: string): Readonly<Record<string, string>> | undefined {
    return this.namespaceLabels.get(namespace);
  }

  /** The finished world. */
  build(): DemoWorld {
    return { objects: this.objects, behaviour: this.behaviour };
  }

  private context(namespace: string): Parameters<typeof deploymentObjects>[1] {
    return { random: this.random, slots: this.slots, namespaceLabels: this.namespaceLabels.get(namespace) };
  }

  private freeClusterIp(): string {
    // Random addresses like a real cluster's; the attempts are bounded and the /16 is nearly empty.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const ip = `10.96.${intBetween(this.random, 0, 255)}.${intBetween(this.random, 1, 254)}`;
      if (!this.clusterIps.has(ip)) return ip;
    }
    throw new Error('no free cluster IP left in 10.96.0.0/16');
  }
}
