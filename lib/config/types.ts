/**
 * The Config page's answer and the findings of validation and lint: what `GET /api/config/objects` returns and what
 * the future editor shows before a write.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { ConfigKind } from './kinds';

/** How bad a finding is: `error` will not work as written, `warning` probably not as meant, `info` worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** Every severity, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One problem of a schema check: where, and what is wrong. */
export interface SchemaProblem {
  /** The field as a person reads it: `spec.http[0].route[1].weight`; `''` for the object itself. */
  path: string;
  message: string;
}

/** One finding of validation or lint. */
export interface Finding {
  /** The rule's code (`schema`, `weights-not-100`, `ap-l7-at-ztunnel`, …; docs/lint-rules.md). */
  code: string;
  severity: Severity;
  /** For people: what is wrong and what happens because of it. */
  message: string;
  /** The field the finding is about, as in {@link SchemaProblem.path}. */
  path: string;
}

/** Findings counted by severity. */
export type FindingCounts = Record<Severity, number>;

/** The GitOps tool that manages an object, as its labels or annotations show; a write would be reverted. */
export interface GitOpsOwner {
  tool: 'argo-cd' | 'flux';
  /** The label or annotation that says so, e.g. `annotation argocd.argoproj.io/tracking-id`. */
  evidence: string;
}

/** The validation status of a row: the worst severity among its findings (`info` alone is still `ok`). */
export type ConfigStatus = 'ok' | 'warning' | 'error';

/** One object of the config list. */
export interface ConfigObjectSummary {
  kind: ConfigKind;
  apiVersion: string;
  namespace: string;
  name: string;
  /** Opaque; null when the object has none. */
  resourceVersion: string | null;
  /** ISO-8601 creation time; null when unknown. */
  created: string | null;
  /** What the object applies to, in words: "service reviews (host reviews)", "workloads with app=ratings"… */
  appliesTo: string;
  status: ConfigStatus;
  counts: FindingCounts;
  /** Worst first, then by path. */
  findings: Finding[];
  /** Set when Argo CD or Flux manages the object. */
  gitops: GitOpsOwner | null;
  /** The object as the cluster holds it, without `last-applied-configuration` (shown read-only as YAML). */
  object: KubeObject;
}
