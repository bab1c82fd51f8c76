/**
 * Whether a GitOps controller manages an object, from the labels and annotations it puts on what it applies. A
 * change made by hand to such an object is reverted at the next sync (or drifts from Git): the write path flags it
 * before writing, and the Config page says so. The one table both read; each maps the answer to its own DTO.
 *
 * | manager | mark                                                        | set by                                   |
 * |---------|-------------------------------------------------------------|------------------------------------------|
 * | argocd  | annotation `argocd.argoproj.io/tracking-id`                 | annotation tracking (default since 3.0)  |
 * | argocd  | label `argocd.argoproj.io/instance`                         | label tracking with Argo CD's own label  |
 * | argocd  | label `app.kubernetes.io/instance` + any `argocd.argoproj.io/` annotation | label tracking, the old default (the label alone is also Helm's) |
 * | flux    | labels `kustomize.toolkit.fluxcd.io/name` and `/namespace`  | a Kustomization                          |
 * | flux    | labels `helm.toolkit.fluxcd.io/name` and `/namespace`       | a HelmRelease                            |
 *
 * Argo CD's other annotations alone (`sync-wave`, `sync-options`, `compare-options`) and Flux's `reconcile`
 * annotation alone are not evidence: people write them in the manifests themselves, so they stay on an object
 * applied with kubectl from a copy of a GitOps repository, and no controller is then watching it. Only what the
 * controller itself writes when it applies (or, for the old label tracking, the instance label next to one of
 * those annotations) says it manages the object.
 */

/** What shows that a GitOps controller manages an object. */
export interface GitOpsEvidence {
  manager: 'argocd' | 'flux';
  /** The marks that say so, without values, e.g. `label kustomize.toolkit.fluxcd.io/name`. */
  mark: string;
  /** The same for people, with values and owner, e.g. `label argocd.argoproj.io/instance=bookinfo`. */
  detail: string;
}

type StringMap = Readonly<Record<string, string>>;

/** One row of the table: what it found on the object, or undefined when the row does not apply. */
type GitOpsMark = (labels: StringMap, annotations: StringMap) => GitOpsEvidence | undefined;

function argoOn(on: 'label' | 'annotation', key: string): GitOpsMark {
  return (labels, annotations) => {
    const value = (on === 'label' ? labels : annotations)[key];
    return value === undefined
      ? undefined
      : { manager: 'argocd', mark: `${on} ${key}`, detail: `${on} ${key}=${value}` };
  };
}

/** Argo CD's old default label tracking: Helm's instance label, with one of Argo CD's annotations beside it. */
const argoInstanceLabel: GitOpsMark = (labels, annotations) => {
  const argo = Object.keys(annotations).find((key) => key.startsWith('argocd.argoproj.io/'));
  const instance = labels['app.kubernetes.io/instance'];
  if (argo === undefined || instance === undefined) return undefined;
  return {
    manager: 'argocd',
    mark: `label app.kubernetes.io/instance with annotation ${argo}`,
    detail: `label app.kubernetes.io/instance=${instance} with annotation ${argo}`,
  };
};

function flux(kind: 'kustomize' | 'helm', owner: string): GitOpsMark {
  const prefix = `${kind}.toolkit.fluxcd.io`;
  return (labels, annotations) => {
    const name = labels[`${prefix}/name`];
    if (name === undefined) return undefined;
    const namespace = labels[`${prefix}/namespace`];
    const disabled = annotations[`${prefix}/reconcile`] === 'disabled' ? '; reconcile is disabled' : '';
    return {
      manager: 'flux',
      mark: `label ${prefix}/name`,
      detail: `${owner} ${namespace ? `${namespace}/` : ''}${name} (label ${prefix}/name)${disabled}`,
    };
  };
}

/** The marks, most specific first (the order they are tried). */
const GITOPS_MARKS: readonly GitOpsMark[] = [
  argoOn('annotation', 'argocd.argoproj.io/tracking-id'),
  argoOn('label', 'argocd.argoproj.io/instance'),
  argoInstanceLabel,
  flux('kustomize', 'Flux Kustomization'),
  flux('helm', 'Flux HelmRelease'),
];

function stringMap(value: unknown): StringMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
}

/** What shows a GitOps controller manages the object (any JSON, checked here), or null when nothing does. */
export function gitOpsEvidenceOf(object: object | null | undefined): GitOpsEvidence | null {
  const metadata: unknown = (object as { metadata?: unknown } | null | undefined)?.metadata;
  if (typeof metadata !== 'object' || metadata === null) return null;
  const labels = stringMap((metadata as { labels?: unknown }).labels);
  const annotations = stringMap((metadata as { annotations?: unknown }).annotations);
  for (const mark of GITOPS_MARKS) {
    const found = mark(labels, annotations);
    if (found !== undefined) return found;
  }
  return null;
}
