/**
 * Whether a GitOps controller manages an object, from the labels and annotations it puts on what it applies. A
 * change made by hand to such an object is reverted at the next sync (or drifts from Git), so the write path flags
 * it before writing and offers the YAML to commit instead.
 *
 * | manager | mark                                                        | set by                                   |
 * |---------|-------------------------------------------------------------|------------------------------------------|
 * | argocd  | annotation `argocd.argoproj.io/tracking-id`                 | annotation tracking (default since 3.0)  |
 * | argocd  | label `argocd.argoproj.io/instance`                         | label tracking with Argo CD's own label  |
 * | argocd  | label `app.kubernetes.io/instance` + any `argocd.argoproj.io/` annotation | label tracking, the old default (the label alone is also Helm's) |
 * | flux    | labels `kustomize.toolkit.fluxcd.io/name` and `/namespace`  | a Kustomization                          |
 * | flux    | labels `helm.toolkit.fluxcd.io/name` and `/namespace`       | a HelmRelease                            |
 */
import type { GitOpsManager, JsonObject } from './types';

type StringMap = Readonly<Record<string, string>>;

/** One row: the manager, and what it found (undefined when this row does not apply). */
interface GitOpsMark {
  manager: GitOpsManager['manager'];
  find(labels: StringMap, annotations: StringMap): string | undefined;
}

const label = (labels: StringMap, key: string): string | undefined =>
  labels[key] === undefined ? undefined : `label ${key}=${labels[key]}`;

function flux(kind: 'kustomize' | 'helm', owner: string): GitOpsMark {
  const prefix = `${kind}.toolkit.fluxcd.io`;
  return {
    manager: 'flux',
    find: (labels, annotations) => {
      const name = labels[`${prefix}/name`];
      if (name === undefined) return undefined;
      const namespace = labels[`${prefix}/namespace`];
      const disabled = annotations[`${prefix}/reconcile`] === 'disabled' ? '; reconcile is disabled' : '';
      return `${owner} ${namespace ? `${namespace}/` : ''}${name} (label ${prefix}/name)${disabled}`;
    },
  };
}

/** The marks, in the order they are tried. */
export const GITOPS_MARKS: readonly GitOpsMark[] = [
  {
    manager: 'argocd',
    find: (_labels, annotations) =>
      annotations['argocd.argoproj.io/tracking-id'] === undefined
        ? undefined
        : `annotation argocd.argoproj.io/tracking-id=${annotations['argocd.argoproj.io/tracking-id']}`,
  },
  { manager: 'argocd', find: (labels) => label(labels, 'argocd.argoproj.io/instance') },
  {
    manager: 'argocd',
    find: (labels, annotations) => {
      const argo = Object.keys(annotations).find((key) => key.startsWith('argocd.argoproj.io/'));
      const instance = label(labels, 'app.kubernetes.io/instance');
      return argo && instance ? `${instance} with annotation ${argo}` : undefined;
    },
  },
  flux('kustomize', 'Flux Kustomization'),
  flux('helm', 'Flux HelmRelease'),
];

function stringMap(value: unknown): StringMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as JsonObject).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
}

/** The GitOps controller that manages the object, or null. */
export function gitOpsManager(object: JsonObject | null | undefined): GitOpsManager | null {
  const metadata = object?.['metadata'];
  if (typeof metadata !== 'object' || metadata === null) return null;
  const labels = stringMap((metadata as JsonObject)['labels']);
  const annotations = stringMap((metadata as JsonObject)['annotations']);
  for (const mark of GITOPS_MARKS) {
    const detail = mark.find(labels, annotations);
    if (detail !== undefined) return { manager: mark.manager, detail };
  }
  return null;
}
