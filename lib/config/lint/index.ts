/**
 * Validation and ambient-aware lint of one configuration object against a snapshot of the cluster, before a write
 * and for the config list.
 */
import type { KubeObject } from '@/lib/kube/object';
import { type ConfigKind, isConfigKind } from '../kinds';
import { checkSchema } from '../schemas';
import { SEVERITIES, type Finding } from '../types';
import { SEMANTIC_RULES, schemaRule } from './rules';
import type { LintContext, LintRule } from './types';

export { buildLintContext, LINT_INPUTS, type LintLists } from './context';
export { LINT_RULES, SEMANTIC_RULES, schemaRule } from './rules';
export type { LintContext, LintInput, LintRule } from './types';

/** Worst first, then by path, then by code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.path.localeCompare(b.path) ||
    a.code.localeCompare(b.code)
  );
}

/**
 * The findings of an object: its schema problems, then, when the object is sound (nothing wrong but unknown
 * fields), every rule for its kind whose snapshot parts are known. Sorted worst first.
 */
export function lintObject(object: unknown, context: LintContext): Finding[] {
  const schema = checkSchema(object);
  const findings: Finding[] = schema.problems.map(({ path, message }) => ({
    code: schemaRule.code,
    severity: schemaRule.severity,
    path,
    message,
  }));
  const kind = (object as { kind?: unknown }).kind;
  if (schema.sound && isConfigKind(kind)) {
    // Sound: the rules may read the object's typed fields.
    for (const rule of rulesFor(kind, context)) findings.push(...rule.check(object as KubeObject, context));
  }
  return findings.sort(compareFindings);
}

/** The semantic rules that check a kind and can run on this snapshot. */
function rulesFor(kind: ConfigKind, context: LintContext): readonly LintRule[] {
  return SEMANTIC_RULES.filter(
    (rule) => rule.appliesTo.includes(kind) && rule.needs.every((part) => !context.unknown.has(part)),
  );
}
