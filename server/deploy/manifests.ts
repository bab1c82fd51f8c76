import { parseAllDocuments } from 'yaml';

/**
 * Reading rendered Kubernetes manifests (`kubectl kustomize deploy/kubernetes/...`) for the deployment tests: the
 * YAML stream as plain objects, and the facts a user relies on that are spread over several objects (a container's
 * environment as the kubelet builds it, a named port's number).
 */

/** One rendered object: plain JSON, as `kubectl apply` would send it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** The parts of a container the checks read (the rest is validated by the schemas). */
export interface ContainerSpec {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: EnvSource }[];
  envFrom?: {
    configMapRef?: { name: string; optional?: boolean };
    secretRef?: { name: string; optional?: boolean };
  }[];
}

/** Where an `env` entry's value comes from. */
export interface EnvSource {
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The objects of a multi-document YAML stream, empty documents skipped. Throws on a YAML error or a document that
 * is not a Kubernetes object (no `apiVersion`, `kind` or `metadata.name`), naming the document.
 */
export function parseManifests(text: string): Manifest[] {
  const objects: Manifest[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    const [error] = doc.errors;
    if (error) throw new Error(`document ${index + 1}: ${error.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    const metadata = isRecord(value) ? value['metadata'] : undefined;
    if (
      !isRecord(value) ||
      typeof value['apiVersion'] !== 'string' ||
      typeof value['kind'] !== 'string' ||
      !isRecord(metadata) ||
      typeof metadata['name'] !== 'string'
    ) {
      throw new Error(
        `document ${index + 1} is not a Kubernetes object (apiVersion, kind and metadata.name)`,
      );
    }
    objects.push(value as Manifest);
  });
  return objects;
}

/** `Deployment meshlens-system/meshlens`, `ClusterRole meshlens`: how a test names an object. */
export function objectRef(object: Manifest): string {
  const { name, namespace } = object.metadata;
  return `${object.kind} ${namespace === undefined ? '' : `${namespace}/`}${name}`;
}

/** The objects of one kind, optionally with one name. */
export function objectsOf(objects: readonly Manifest[], kind: string, name?: string): Manifest[] {
  return objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
}

/** The one object of a kind (and name); throws when there is none or more than one. */
export function theObject(objects: readonly Manifest[], kind: string, name?: string): Manifest {
  const found = objectsOf(objects, kind, name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}${name === undefined ? '' : ` ${name}`}, found ${found.length}`);
  }
  return found[0]!;
}

/** A named port's number in a container, or the number itself; undefined when the container has no such port. */
export function resolvePort(container: ContainerSpec, port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** A value that stands for a Secret's key in {@link containerEnv}'s answer. */
export const secretPlaceholder = (name: string, key: string): string => `<secret ${name}/${key}>`;

/**
 * A container's environment as the kubelet builds it: `envFrom` sources in order, then `env` (which wins), with
 * ConfigMaps read from `objects`. A key from a Secret becomes {@link secretPlaceholder} (no Secret is rendered),
 * or the value `secrets` gives for it; an optional Secret in `envFrom` contributes the `secrets` given for it only.
 * Throws for a ConfigMap that is not rendered and not optional.
 */
export function containerEnv(
  container: ContainerSpec,
  objects: readonly Manifest[],
  secrets: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  const configMap = (name: string, optional: boolean | undefined): Record<string, string> => {
    const found = objectsOf(objects, 'ConfigMap', name)[0];
    if (found === undefined && !optional)
      throw new Error(`container ${container.name}: no ConfigMap ${name}`);
    return (found?.['data'] as Record<string, string> | undefined) ?? {};
  };
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef)
      Object.assign(env, configMap(source.configMapRef.name, source.configMapRef.optional));
    if (source.secretRef) Object.assign(env, secrets[source.secretRef.name] ?? {});
  }
  for (const entry of container.env ?? []) {
    const from = entry.valueFrom;
    if (from?.secretKeyRef) {
      const { name, key } = from.secretKeyRef;
      env[entry.name] = secrets[name]?.[key] ?? secretPlaceholder(name, key);
    } else if (from?.configMapKeyRef) {
      const { name, key, optional } = from.configMapKeyRef;
      const value = configMap(name, optional)[key];
      if (value !== undefined) env[entry.name] = value;
    } else {
      env[entry.name] = entry.value ?? '';
    }
  }
  return env;
}
