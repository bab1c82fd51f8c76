/**
 * The rule table: schema first, then the rules of issue 6, item 3. Each row says its code, severity, the kinds it
 * checks and the snapshot parts it reads; docs/lint-rules.md explains each and why it matters in ambient.
 */
import { CONFIG_KIND_NAMES } from '../kinds';
import { validateObject } from '../schemas';
import { apL7AtZtunnel, apSelectorAndTargetRefs, apSelectorBehindWaypoint } from './rules-authz';
import { apNamespaceUnknown, apPrincipalUnknown } from './rules-identity';
import { hostUnknown, subsetMissing, weightsNot100 } from './rules-routing';
import { vsAndHttpRoute, vsNoWaypoint, vsSourceLabelsAtWaypoint } from './rules-waypoint-routing';
import { type LintRule, defineRule } from './types';

/** The object against its kind's schema: unknown fields, wrong types, missing required fields. */
export const schemaRule: LintRule = defineRule({
  code: 'schema',
  severity: 'error',
  appliesTo: CONFIG_KIND_NAMES,
  needs: [],
  about: 'the object does not match its kind’s schema (unknown field, wrong type, missing field)',
  check: (object) => validateObject(object),
});

/** The rules that read an object's typed fields; they run only on objects whose schema is sound. */
export const SEMANTIC_RULES: readonly LintRule[] = [
  weightsNot100,
  subsetMissing,
  hostUnknown,
  vsNoWaypoint,
  vsSourceLabelsAtWaypoint,
  vsAndHttpRoute,
  apL7AtZtunnel,
  apSelectorBehindWaypoint,
  apSelectorAndTargetRefs,
  apPrincipalUnknown,
  apNamespaceUnknown,
];

/** Every rule, in the order findings are produced. */
export const LINT_RULES: readonly LintRule[] = [schemaRule, ...SEMANTIC_RULES];
