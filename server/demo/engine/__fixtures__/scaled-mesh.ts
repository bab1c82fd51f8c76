/**
 * A generated mesh for scale checks and the tick benchmark: `size` workloads (two pods each, one Service each) in
 * namespaces of 25, half of the namespaces with a waypoint, a layered call graph of about 4 calls per workload,
 * version splits by VirtualService, a few AuthorizationPolicies, and entry traffic into the first layer.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { MeshBehaviour } from '../../model/behaviour';
import type { MeshConfig } from '../../model/mesh-config';
import { seededRandom } from '@/lib/random';
import { ambient } from './bookinfo';
import { behave, call, MeshBuilder, source } from './mesh-builder';

const PER_NAMESPACE = 25;
const LAYERS = 6;

/** The generated config and behaviour. */
export function scaledMesh(size: number, seed = 'scale'): { config: MeshConfig; behaviour: MeshBehaviour } {
  const random = seededRandom(seed);
  const builder = new MeshBuilder().namespace('istio-system');
  const behaviour: MeshBehaviour = { workloads: [], calls: [], sources: [] };
  const apps: { ns: string; app: string; layer: number }[] = [];
  for (let i = 0; i < size; i += 2) {
    const ns = `team-${Math.floor(i / PER_NAMESPACE)}`;
    if (i % PER_NAMESPACE === 0 || i % PER_NAMESPACE === 1) {
      const waypoint = Math.floor(i / PER_NAMESPACE) % 2 === 0;
      builder.namespace(ns, ambient(waypoint ? 'waypoint' : undefined));
      if (waypoint) builder.waypoint(ns);
    }
    const app = `svc-${i}`;
    const layer = Math.floor((i / size) * LAYERS);
    for (const version of ['v1', 'v2']) {
      builder.workload(ns, `${app}-${version}`, { app, version, replicas: 2 });
      behaviour.workloads.push(
        behave(ns, `${app}-${version}`, {
          medianMs: 2 + random() * 20,
          p99Ms: 60,
          errorRate: random() * 0.02,
        }),
      );
    }
    builder.service(ns, app, 9080, { portName: i % 10 === 9 ? 'tcp-db' : 'http' });
    if (i % 4 === 0) builder.add(splitVs(ns, app), subsets(ns, app));
    apps.push({ ns, app, layer });
  }
  for (const from of apps) {
    const next = apps.filter((a) => a.layer === from.layer + 1);
    for (let k = 0; k < 4 && next.length > 0; k++) {
      const to = next[Math.floor(random() * next.length)];
      if (to === undefined) continue;
      for (const version of ['v1', 'v2']) {
        behaviour.calls.push(
          call(`${from.ns}/${from.app}-${version}`, `${to.ns}/${to.app}`, {
            perRequest: 0.5,
            onError: k === 0 ? 'fail' : 'degrade',
          }),
        );
      }
    }
  }
  for (const entry of apps.filter((a) => a.layer === 0))
    behaviour.sources.push(source(null, `${entry.ns}/${entry.app}`, 20));
  builder.add(denyPolicy('team-1'), denyPolicy('team-2'));
  return { config: builder.build(), behaviour };
}

function splitVs(ns: string, app: string): KubeObject {
  const route = [
    { destination: { host: app, subset: 'v1' }, weight: 90 },
    { destination: { host: app, subset: 'v2' }, weight: 10 },
  ];
  return {
    kind: 'VirtualService',
    metadata: { name: app, namespace: ns },
    spec: { hosts: [app], http: [{ route, retries: { attempts: 2, retryOn: '5xx' }, timeout: '2s' }] },
  };
}

function subsets(ns: string, app: string): KubeObject {
  const spec = { host: app, subsets: ['v1', 'v2'].map((v) => ({ name: v, labels: { version: v } })) };
  return { kind: 'DestinationRule', metadata: { name: app, namespace: ns }, spec };
}

function denyPolicy(ns: string): KubeObject {
  const rules = [
    { from: [{ source: { namespaces: ['team-9'] } }], to: [{ operation: { paths: ['/admin*'] } }] },
  ];
  return {
    kind: 'AuthorizationPolicy',
    metadata: { name: 'deny-team-9', namespace: ns },
    spec: { action: 'DENY', rules },
  };
}
