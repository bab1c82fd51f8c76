/**
 * The columns `kubectl get` shows for each kind, as a declarative table: the same columns a real cluster prints
 * (built-in printers and the Istio / Gateway API CRDs' additionalPrinterColumns). Priority 1 columns appear with
 * `-o wide` only.
 */
import { RBAC_COLUMNS } from './rbac-columns';
import { type KubeObject } from './types';

/** One column of a server-side table. */
export interface Column {
  /** Title case, as the API sends it; kubectl upper-cases it. */
  name: string;
  type: 'string' | 'integer' | 'date';
  /** 0: always shown; 1: only with `-o wide`. */
  priority: 0 | 1;
  description: string;
  /** The cell of one object (`now` for ages). */
  cell: (object: KubeObject, now: Date) => string | number;
}

type Json = Record<string, unknown>;

function at(object: unknown, path: string): unknown {
  let current = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[part];
  }
  return current;
}

function str(object: unknown, path: string, fallback = '<none>'): string {
  const value = at(object, path);
  if (value === undefined || value === null || value === '') return fallback;
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

function num(object: unknown, path: string): number {
  const value = at(object, path);
  return typeof value === 'number' ? value : 0;
}

function list(object: unknown, path: string): Json[] {
  const value = at(object, path);
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** `k8s.io/apimachinery/pkg/util/duration.HumanDuration`: `45s`, `5m3s`, `3h20m`, `2d5h`, `400d`, `3y20d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const withUnit = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
    small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
  if (minutes < 10) return withUnit(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return withUnit(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withUnit(days, 'd', hours % 24, 'h');
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (days < 365 * 8) return withUnit(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** The NAME column every kind starts with. */
export const NAME: Column = {
  name: 'Name',
  type: 'string',
  priority: 0,
  description: 'Name must be unique within a namespace.',
  cell: (o) => o.metadata.name ?? '',
};

/** The AGE column: time since creationTimestamp. */
export const AGE: Column = {
  name: 'Age',
  type: 'string',
  priority: 0,
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  cell: (o, now) => {
    const created = Date.parse(o.metadata.creationTimestamp ?? '');
    return Number.isNaN(created) ? '<unknown>' : humanDuration(now.getTime() - created);
  },
};

function col(
  name: string,
  cell: Column['cell'],
  priority: 0 | 1 = 0,
  type: Column['type'] = 'string',
): Column {
  return { name, type, priority, description: name, cell };
}

function podReady(o: KubeObject): string {
  const statuses = list(o, 'status.containerStatuses');
  const total = Math.max(list(o, 'spec.containers').length, statuses.length);
  return `${statuses.filter((s) => s['ready'] === true).length}/${total}`;
}

function podRestarts(o: KubeObject): number {
  return list(o, 'status.containerStatuses').reduce(
    (sum, s) => sum + (typeof s['restartCount'] === 'number' ? s['restartCount'] : 0),
    0,
  );
}

function servicePorts(o: KubeObject): string {
  const ports = list(o, 'spec.ports').map((p) => {
    const node = p['nodePort'] === undefined ? '' : `:${String(p['nodePort'])}`;
    return `${String(p['port'])}${node}/${String(p['protocol'] ?? 'TCP')}`;
  });
  return ports.length > 0 ? ports.join(',') : '<none>';
}

function selectorText(o: KubeObject, path: string): string {
  const map = at(o, path);
  if (map === null || typeof map !== 'object') return '<none>';
  const parts = Object.entries(map as Json).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(',') : '<none>';
}

function containersField(o: KubeObject, field: 'name' | 'image'): string {
  return (
    list(o, 'spec.template.spec.containers')
      .map((c) => String(c[field]))
      .join(',') || '<none>'
  );
}

/** The status of a condition; empty when absent, as a CRD printer column's JSONPath prints it. */
function condition(o: KubeObject, type: string): string {
  const found = list(o, 'status.conditions').find((c) => c['type'] === type);
  return found ? String(found['status']) : '';
}

const statusOr = (path: string, fallback: string) => (o: KubeObject) => str(o, path, fallback);

/** A CRD printer column: arrays and objects print as JSON (`["reviews"]`), as the API server's JSONPath does. */
const crd = (path: string) => (o: KubeObject) => {
  const value = at(o, path);
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** The columns of one kind besides NAME and AGE. */
export interface KindColumns {
  /** Between NAME and AGE. */
  middle: readonly Column[];
  /** After AGE (mostly `-o wide` ones). */
  after?: readonly Column[];
  /** No AGE column (Roles and ClusterRoles print `CREATED AT` instead). */
  withoutAge?: boolean;
}

/** The columns of each kind, by store key. Kinds not listed show NAME, AGE. */
export const KIND_COLUMNS: Readonly<Record<string, KindColumns>> = {
  namespaces: { middle: [col('Status', statusOr('status.phase', 'Active'))] },
  nodes: {
    middle: [
      col('Status', (o) => (condition(o, 'Ready') === 'True' ? 'Ready' : 'NotReady')),
      col(
        'Roles',
        (o) =>
          Object.keys(o.metadata.labels ?? {})
            .filter((k) => k.startsWith('node-role.kubernetes.io/'))
            .map((k) => k.slice(24))
            .join(',') || '<none>',
      ),
    ],
    after: [
      col('Version', crd('status.nodeInfo.kubeletVersion'), 0),
      col(
        'Internal-IP',
        (o) =>
          String(
            list(o, 'status.addresses').find((a) => a['type'] === 'InternalIP')?.['address'] ?? '<none>',
          ),
        1,
      ),
    ],
  },
  pods: {
    middle: [
      col('Ready', podReady),
      col('Status', (o) => str(o, 'status.reason', str(o, 'status.phase', 'Pending'))),
      col('Restarts', podRestarts, 0, 'integer'),
    ],
    after: [
      col('IP', statusOr('status.podIP', '<none>'), 1),
      col('Node', statusOr('spec.nodeName', '<none>'), 1),
      col('Nominated Node', statusOr('status.nominatedNodeName', '<none>'), 1),
      col('Readiness Gates', () => '<none>', 1),
    ],
  },
  services: {
    middle: [
      col('Type', statusOr('spec.type', 'ClusterIP')),
      col('Cluster-IP', statusOr('spec.clusterIP', '<none>')),
      col('External-IP', (o) =>
        str(
          o,
          'spec.externalIPs',
          list(o, 'status.loadBalancer.ingress')
            .map((i) => String(i['ip'] ?? i['hostname']))
            .join(',') || '<none>',
        ),
      ),
      col('Port(s)', servicePorts),
    ],
    after: [col('Selector', (o) => selectorText(o, 'spec.selector'), 1)],
  },
  serviceaccounts: { middle: [col('Secrets', (o) => list(o, 'secrets').length, 0, 'integer')] },
  configmaps: {
    middle: [col('Data', (o) => Object.keys((at(o, 'data') as Json | undefined) ?? {}).length, 0, 'integer')],
  },
  'deployments.apps': {
    middle: [
      col('Ready', (o) => `${num(o, 'status.readyReplicas')}/${num(o, 'spec.replicas')}`),
      col('Up-to-date', (o) => num(o, 'status.updatedReplicas'), 0, 'integer'),
      col('Available', (o) => num(o, 'status.availableReplicas'), 0, 'integer'),
    ],
    after: [
      col('Containers', (o) => containersField(o, 'name'), 1),
      col('Images', (o) => containersField(o, 'image'), 1),
      col('Selector', (o) => selectorText(o, 'spec.selector.matchLabels'), 1),
    ],
  },
  'replicasets.apps': {
    middle: [
      col('Desired', (o) => num(o, 'spec.replicas'), 0, 'integer'),
      col('Current', (o) => num(o, 'status.replicas'), 0, 'integer'),
      col('Ready', (o) => num(o, 'status.readyReplicas'), 0, 'integer'),
    ],
  },
  'daemonsets.apps': {
    middle: [
      col('Desired', (o) => num(o, 'status.desiredNumberScheduled'), 0, 'integer'),
      col('Current', (o) => num(o, 'status.currentNumberScheduled'), 0, 'integer'),
      col('Ready', (o) => num(o, 'status.numberReady'), 0, 'integer'),
      col('Up-to-date', (o) => num(o, 'status.updatedNumberScheduled'), 0, 'integer'),
      col('Available', (o) => num(o, 'status.numberAvailable'), 0, 'integer'),
      col('Node Selector', (o) => selectorText(o, 'spec.template.spec.nodeSelector')),
    ],
    after: [
      col('Containers', (o) => containersField(o, 'name'), 1),
      col('Images', (o) => containersField(o, 'image'), 1),
    ],
  },
  'gatewayclasses.gateway.networking.k8s.io': {
    middle: [col('Controller', crd('spec.controllerName')), col('Accepted', (o) => condition(o, 'Accepted'))],
  },
  'gateways.gateway.networking.k8s.io': {
    middle: [
      col('Class', crd('spec.gatewayClassName')),
      col('Address', (o) =>
        list(o, 'status.addresses')
          .map((a) => String(a['value']))
          .join(' '),
      ),
      col('Programmed', (o) => condition(o, 'Programmed')),
    ],
  },
  'httproutes.gateway.networking.k8s.io': { middle: [col('Hostnames', crd('spec.hostnames'))] },
  'virtualservices.networking.istio.io': {
    middle: [col('Gateways', crd('spec.gateways')), col('Hosts', crd('spec.hosts'))],
  },
  'destinationrules.networking.istio.io': { middle: [col('Host', crd('spec.host'))] },
  'serviceentries.networking.istio.io': {
    middle: [
      col('Hosts', crd('spec.hosts')),
      col('Location', crd('spec.location')),
      col('Resolution', crd('spec.resolution')),
    ],
  },
  'authorizationpolicies.security.istio.io': { middle: [col('Action', crd('spec.action'))] },
  'peerauthentications.security.istio.io': { middle: [col('Mode', crd('spec.mtls.mode'))] },
  ...RBAC_COLUMNS,
};
