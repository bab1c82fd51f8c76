/**
 * One row of the config list from an object and the snapshot around it: what it applies to, its findings and
 * their counts, its status, and whether GitOps manages it. Pure; the server calls it for every listed object.
 */
import type { KubeObject } from '@/lib/kube/object';
import { appliesToText } from './applies-to';
import { gitOpsOwnerOf } from './gitops';
import type { ConfigKind } from './kinds';
import { lintObject } from './lint';
import { namespaceOf } from './lint/context';
import type { LintContext } from './lint/types';
import type { ConfigObjectSummary, ConfigStatus, Finding, FindingCounts } from './types';

/** kubectl's copy of the whole applied object: long, and never what a person wants to read. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Findings counted by severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The worst of the counts: `error`, `warning`, else `ok` (information alone is fine). */
export function statusOf(counts: FindingCounts): ConfigStatus {
  if (counts.error > 0) return 'error';
  if (counts.warning > 0) return 'warning';
  return 'ok';
}

/** The object without kubectl's last-applied copy. */
function shown(object: KubeObject): KubeObject {
  const annotations = object.metadata.annotations;
  if (annotations?.[LAST_APPLIED] === undefined) return object;
  const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
  return { ...object, metadata: { ...object.metadata, annotations: rest } };
}

/** The config list's row of an object of a listed kind. */
export function summarizeObject(
  kind: ConfigKind,
  object: KubeObject,
  context: LintContext,
): ConfigObjectSummary {
  const findings = lintObject(object, context);
  const counts = countFindings(findings);
  return {
    kind,
    apiVersion: object.apiVersion ?? '',
    namespace: namespaceOf(object),
    name: object.metadata.name,
    resourceVersion: object.metadata.resourceVersion ?? null,
    created: object.metadata.creationTimestamp ?? null,
    appliesTo: appliesToText(kind, object, context),
    status: statusOf(counts),
    counts,
    findings,
    gitops: gitOpsOwnerOf(object),
    object: shown(object),
  };
}
