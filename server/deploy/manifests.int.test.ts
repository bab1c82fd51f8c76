import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '@/server/settings/parse-settings';
import type { Settings } from '@/server/settings/types';
import {
  containerEnv,
  objectRef,
  objectsOf,
  parseManifests,
  resolvePort,
  theObject,
  type ContainerSpec,
  type Manifest,
} from './manifests';
import {
  AUDIT_PERMISSIONS,
  AUTH_REVIEWS,
  comparePermissions,
  IMPERSONATION_PERMISSIONS,
  permission,
  permissionsOf,
  readPermissions,
  reviewsIn,
  writePermissions,
  type PolicyRule,
} from './rbac';
import { schemaErrors, unknownFields } from './schema';

/**
 * The Kubernetes manifests (deploy/kubernetes), rendered with the real `kubectl kustomize`: every object valid
 * against the Kubernetes schemas with no unknown field, the settings accepted by the dashboard's own parser, the
 * operational facts docs/deploy.md promises, and RBAC that is exactly what the code's tables need with the
 * settings of each kustomization.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every kustomization a user may apply, and the components it includes (the ClusterRoles they add). */
const RENDERS = {
  base: { dir: 'deploy/kubernetes/base', components: [] },
  'header-auth': { dir: 'deploy/kubernetes/overlays/header-auth', components: ['impersonation'] },
  openid: { dir: 'deploy/kubernetes/overlays/openid', components: ['impersonation'] },
  anonymous: { dir: 'deploy/kubernetes/overlays/anonymous', components: ['anonymous-writes'] },
  'thanos-or-mimir': { dir: 'deploy/kubernetes/overlays/thanos-or-mimir', components: [] },
} as const satisfies Record<string, { dir: string; components: readonly Component[] }>;
type Component = 'impersonation' | 'anonymous-writes';

/** The ClusterRole each component adds. */
const COMPONENT_ROLE: Readonly<Record<Component, string>> = {
  impersonation: 'meshlens-impersonate',
  'anonymous-writes': 'meshlens-anonymous-writes',
};
type RenderName = keyof typeof RENDERS;
const NAMES = Object.keys(RENDERS) as RenderName[];

const rendered = new Map<RenderName, Manifest[]>();

beforeAll(async () => {
  await Promise.all(
    NAMES.map(async (name) => {
      const { stdout } = await run('kubectl', ['kustomize', `${root}${RENDERS[name].dir}`], {
        maxBuffer: 16 * 1024 * 1024,
      });
      rendered.set(name, parseManifests(stdout));
    }),
  );
});

function objects(name: RenderName): Manifest[] {
  const found = rendered.get(name);
  if (!found) throw new Error(`${name} was not rendered`);
  return found;
}

interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: Record<string, unknown>;
  affinity?: {
    podAntiAffinity?: {
      preferredDuringSchedulingIgnoredDuringExecution?: {
        weight: number;
        podAffinityTerm: { topologyKey: string; labelSelector?: { matchLabels?: Record<string, string> } };
      }[];
    };
  };
  containers: (ContainerSpec & Record<string, unknown>)[];
  volumes?: { name: string; emptyDir?: Record<string, unknown> }[];
}

interface DeploymentSpec {
  replicas: number;
  strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } };
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}

interface Probe {
  httpGet?: { path: string; port: string | number };
  timeoutSeconds?: number;
}

interface Binding {
  roleRef: { kind: string; name: string };
  subjects: { kind: string; name: string; namespace?: string }[];
}

const deploymentOf = (name: RenderName): Manifest & { spec: DeploymentSpec } =>
  theObject(objects(name), 'Deployment', 'meshlens') as Manifest & { spec: DeploymentSpec };
const containerOf = (name: RenderName): PodSpec['containers'][number] => {
  const [container, ...others] = deploymentOf(name).spec.template.spec.containers;
  if (!container || others.length > 0) throw new Error('expected one container');
  return container;
};

/** The dashboard's settings as its parser reads them in the pod: ConfigMap, env, the session Secret. */
function settingsOf(name: RenderName): Settings {
  const env = containerEnv(containerOf(name), objects(name), {
    'meshlens-session': { SESSION_SECRET: 'x'.repeat(64) },
  });
  const token = '/var/run/secrets/kubernetes.io/serviceaccount/token';
  return parseSettings(
    { ...env, KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' },
    { exists: (path) => path === token, readText: () => 'token' },
  );
}

/** The Roles and ClusterRoles bound to the Deployment's service account, with the namespace of each binding. */
function boundRoles(name: RenderName): { role: Manifest; namespace: string | undefined }[] {
  const all = objects(name);
  const deployment = deploymentOf(name);
  const account = deployment.spec.template.spec.serviceAccountName;
  const namespace = deployment.metadata.namespace;
  return [...objectsOf(all, 'ClusterRoleBinding'), ...objectsOf(all, 'RoleBinding')]
    .filter((b) =>
      (b as unknown as Binding).subjects.some(
        (s) => s.kind === 'ServiceAccount' && s.name === account && s.namespace === namespace,
      ),
    )
    .map((b) => {
      const { roleRef } = b as unknown as Binding;
      const inNamespace = b.kind === 'RoleBinding' ? b.metadata.namespace : undefined;
      const role = objectsOf(all, roleRef.kind, roleRef.name).find(
        (r) => r.metadata.namespace === inNamespace,
      );
      if (!role)
        throw new Error(`${objectRef(b)} refers to ${roleRef.kind} ${roleRef.name}, which is not rendered`);
      return { role, namespace: inNamespace };
    });
}

const rulesOf = (role: Manifest): PolicyRule[] => (role['rules'] as PolicyRule[] | undefined) ?? [];

describe.each(NAMES)('kubectl kustomize %s', (name) => {
  it('renders only objects that are valid against the Kubernetes schemas, with no unknown field', () => {
    const problems = Object.fromEntries(
      objects(name)
        .map((o) => [objectRef(o), [...schemaErrors(o), ...unknownFields(o)]] as const)
        .filter(([, errors]) => errors.length > 0),
    );
    expect(problems).toEqual({});
    expect(objects(name).map((o) => o.kind)).toEqual(
      expect.arrayContaining(['Namespace', 'ServiceAccount', 'ConfigMap', 'Deployment', 'Service']),
    );
  });

  it('puts every namespaced object in meshlens-system and commits no Secret or secret setting', () => {
    const namespaced = objects(name).filter(
      (o) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind),
    );
    expect(new Set(namespaced.map((o) => o.metadata.namespace))).toEqual(new Set(['meshlens-system']));
    expect(objectsOf(objects(name), 'Secret')).toEqual([]);
    for (const configMap of objectsOf(objects(name), 'ConfigMap')) {
      const data = (configMap['data'] ?? {}) as Record<string, string>;
      const secretKeys = Object.keys(data).filter((k) => /SECRET|TOKEN$|PASSWORD/.test(k) && data[k] !== '');
      expect(secretKeys, objectRef(configMap)).toEqual([]);
    }
  });

  it('configures the dashboard with settings its own parser accepts, in the cluster', () => {
    const settings = settingsOf(name);
    expect(settings.kube.mode).toBe('in-cluster');
    expect(settings.metrics.kind).toBe('prometheus');
    expect(settings.write).toMatchObject({ readOnly: false, auditNamespace: 'meshlens-system' });
    expect(settings.write.sessionSecret).toHaveLength(64);
  });

  it('waits on readyz longer than the slowest source health probe, so a hung upstream does not unready it', () => {
    const settings = settingsOf(name);
    const probes = [
      settings.kube.timeoutMs,
      settings.metrics.kind === 'prometheus' ? settings.metrics.timeoutMs : 5_000,
      settings.traces.kind === 'tempo' ? settings.traces.timeoutMs : 5_000,
    ];
    const readiness = containerOf(name)['readinessProbe'] as Probe;
    expect(readiness.timeoutSeconds ?? 1).toBeGreaterThan(Math.max(...probes) / 1000);
  });

  it('includes the components its settings need: impersonation to act as a user, writes for anonymous', () => {
    const { auth, write } = settingsOf(name);
    const needs: Component[] = [];
    if (auth.strategy === 'header' || (auth.strategy === 'openid' && auth.openid.impersonate)) {
      needs.push('impersonation');
    }
    if (auth.strategy === 'anonymous' && !write.readOnly) needs.push('anonymous-writes');
    expect(needs).toEqual(RENDERS[name].components);
    const clusterRoles = objectsOf(objects(name), 'ClusterRole').map((r) => r.metadata.name);
    expect(clusterRoles.sort()).toEqual(['meshlens', ...needs.map((c) => COMPONENT_ROLE[c])].sort());
  });

  it('grants the service account exactly what the code needs with these settings, with no wildcard', () => {
    const { auth, write } = settingsOf(name);
    const bound = boundRoles(name);
    for (const role of [...objectsOf(objects(name), 'ClusterRole'), ...objectsOf(objects(name), 'Role')]) {
      expect(permissionsOf(rulesOf(role)).problems, objectRef(role)).toEqual([]);
    }

    // Cluster-wide: read, plus impersonation or the service account's own writes when the strategy needs them.
    const expected = readPermissions();
    if (auth.strategy === 'header' || (auth.strategy === 'openid' && auth.openid.impersonate)) {
      for (const p of IMPERSONATION_PERMISSIONS) expected.add(p);
    }
    if (auth.strategy === 'anonymous' && !write.readOnly) for (const p of writePermissions()) expected.add(p);
    const granted = new Set(
      bound
        .filter((b) => b.namespace === undefined)
        .flatMap((b) => [...permissionsOf(rulesOf(b.role)).permissions]),
    );
    expect(comparePermissions(expected, granted)).toEqual({ missing: [], extra: [] });

    // Audit records: one Role, in the namespace AUDIT_NAMESPACE names.
    const audit = bound.filter((b) => b.namespace !== undefined);
    expect(audit.map((b) => b.namespace)).toEqual([write.auditNamespace]);
    const auditGranted = permissionsOf(rulesOf(audit[0]!.role)).permissions;
    expect(comparePermissions(AUDIT_PERMISSIONS, auditGranted)).toEqual({ missing: [], extra: [] });
  });

  it('has an impersonate verb only in the impersonation component', () => {
    const impersonating = [...objectsOf(objects(name), 'ClusterRole'), ...objectsOf(objects(name), 'Role')]
      .filter((role) => rulesOf(role).some((rule) => rule.verbs.includes('impersonate')))
      .map(objectRef);
    const component: readonly Component[] = RENDERS[name].components;
    expect(impersonating).toEqual(
      component.includes('impersonation') ? ['ClusterRole meshlens-impersonate'] : [],
    );
  });
});

describe('the base deployment', () => {
  it('runs two replicas, rolling one at a time, spread over nodes, with a disruption budget of one', () => {
    const { spec } = deploymentOf('base');
    expect(spec.replicas).toBe(2);
    expect(spec.strategy).toMatchObject({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } });
    const [term] =
      spec.template.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    expect(term?.podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(term?.podAffinityTerm.labelSelector?.matchLabels).toEqual(spec.selector.matchLabels);
    expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);

    const pdb = theObject(objects('base'), 'PodDisruptionBudget') as Manifest & {
      spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    };
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.selector.matchLabels).toEqual(spec.selector.matchLabels);
  });

  it('probes /api/healthz (startup, liveness) and /api/readyz (readiness) on the port the server listens on', () => {
    const container = containerOf('base');
    const env = containerEnv(container, objects('base'));
    const listens = Number(env['PORT']);
    expect(listens).toBe(3000);
    expect(env['HOSTNAME']).toBe('0.0.0.0');
    const probe = (field: string): Probe => container[field] as Probe;
    expect(probe('startupProbe').httpGet?.path).toBe('/api/healthz');
    expect(probe('livenessProbe').httpGet?.path).toBe('/api/healthz');
    expect(probe('readinessProbe').httpGet?.path).toBe('/api/readyz');
    for (const field of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(resolvePort(container, probe(field).httpGet?.port ?? -1), field).toBe(listens);
    }

    const service = theObject(objects('base'), 'Service') as Manifest & {
      spec: {
        type: string;
        selector: Record<string, string>;
        ports: { port: number; targetPort: string | number }[];
      };
    };
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.selector).toEqual(deploymentOf('base').spec.selector.matchLabels);
    expect(service.spec.ports).toHaveLength(1);
    expect(service.spec.ports[0]?.port).toBe(80);
    expect(resolvePort(container, service.spec.ports[0]?.targetPort ?? -1)).toBe(listens);
  });

  it('runs as non-root 65532 on a read-only root file system, with no privilege and writable emptyDirs', () => {
    const pod = deploymentOf('base').spec.template.spec;
    const container = containerOf('base');
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 65532,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container['securityContext']).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 65532,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const mounts = container['volumeMounts'] as { name: string; mountPath: string }[];
    const emptyDirs = new Set((pod.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
    expect(mounts.filter((m) => emptyDirs.has(m.name)).map((m) => m.mountPath)).toEqual(
      expect.arrayContaining(['/tmp', '/app/.next/cache']),
    );
    expect(container['resources']).toMatchObject({
      requests: { cpu: expect.any(String), memory: expect.any(String) },
      limits: { cpu: expect.any(String), memory: expect.any(String) },
    });
    expect(container['image']).toMatch(/^meshlens:\d+\.\d+\.\d+$/);
  });

  it('uses the meshlens service account with its token, and takes SESSION_SECRET from a Secret', () => {
    const pod = deploymentOf('base').spec.template.spec;
    expect(pod.serviceAccountName).toBe('meshlens');
    expect(pod.automountServiceAccountToken).toBe(true);
    theObject(objects('base'), 'ServiceAccount', 'meshlens');
    const session = containerOf('base').env?.find((e) => e.name === 'SESSION_SECRET');
    expect(session).toEqual({
      name: 'SESSION_SECRET',
      valueFrom: { secretKeyRef: { name: 'meshlens-session', key: 'SESSION_SECRET' } },
    });
  });

  it('signs users in with their own token and keeps audit records in meshlens-system', () => {
    const settings = settingsOf('base');
    expect(settings.auth.strategy).toBe('token');
    expect(settings.traces.kind).toBe('none');
    const data = theObject(objects('base'), 'ConfigMap')['data'];
    expect(data).toMatchObject({ KUBE_IN_CLUSTER: 'true', AUTH_STRATEGY: 'token', READ_ONLY: 'false' });
  });
});

describe('the overlays', () => {
  it('header-auth reads the user and groups from the proxy headers', () => {
    expect(settingsOf('header-auth').auth).toMatchObject({
      strategy: 'header',
      userHeader: 'x-forwarded-user',
      groupsHeader: 'x-forwarded-groups',
    });
  });

  it('openid signs in with the provider and impersonates the user', () => {
    const { auth } = settingsOf('openid');
    expect(auth.strategy).toBe('openid');
    if (auth.strategy !== 'openid') return;
    expect(auth.openid).toMatchObject({ clientId: 'meshlens', impersonate: true });
    expect(auth.openid.publicUrl.protocol).toBe('https:');
  });

  it('anonymous lets every visitor act as the service account, which then makes the changes itself', () => {
    const { auth, write } = settingsOf('anonymous');
    expect(auth.strategy).toBe('anonymous');
    expect(write.readOnly).toBe(false);
    const granted = permissionsOf(
      rulesOf(theObject(objects('anonymous'), 'ClusterRole', 'meshlens-anonymous-writes')),
    );
    expect(comparePermissions(writePermissions(), granted.permissions)).toEqual({ missing: [], extra: [] });
  });

  it('thanos-or-mimir sends the tenant as X-Scope-OrgID to Mimir and Tempo', () => {
    const { metrics, traces } = settingsOf('thanos-or-mimir');
    expect(metrics.kind === 'prometheus' && metrics.url.pathname).toBe('/prometheus');
    expect(metrics.kind === 'prometheus' && metrics.headers).toEqual({ 'X-Scope-OrgID': 'mesh' });
    expect(traces.kind === 'tempo' && traces.headers).toEqual({ 'X-Scope-OrgID': 'mesh' });
  });

  it('leave the base ClusterRole as it is', () => {
    const base = theObject(objects('base'), 'ClusterRole', 'meshlens');
    for (const name of NAMES) expect(theObject(objects(name), 'ClusterRole', 'meshlens')).toEqual(base);
  });
});

describe('the reviews the ClusterRole grants', () => {
  /** The dashboard's source files: app/, lib/ and server/ without tests, fixtures, the demo cluster and this. */
  function sourceFiles(): string[] {
    return ['app', 'lib', 'server'].flatMap((dir) =>
      readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' })
        .map((file) => `${dir}/${file}`)
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .filter((file) => !/(^|\/)(__fixtures__|testing)\//.test(file))
        .filter((file) => !file.startsWith('server/demo/') && !file.startsWith('server/deploy/')),
    );
  }

  it('are the ones the code sends, so that a review added to sign-in fails here until it is granted', () => {
    const sent = new Set(
      sourceFiles().flatMap((file) => [...reviewsIn(readFileSync(`${root}${file}`, 'utf8'))]),
    );
    const granted = new Set(AUTH_REVIEWS.map((r) => permission('create', r.group, r.resource)));
    expect(comparePermissions(sent, granted)).toEqual({ missing: [], extra: [] });
  });
});
