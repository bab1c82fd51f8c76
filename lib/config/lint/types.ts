/**
 * Lint rules and what they read: one object, and a pure snapshot of the cluster around it.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { ConfigKind } from '../kinds';
import type { Finding, Severity } from '../types';

/** The parts of the snapshot; a part that could not be read is listed in {@link LintContext.unknown}. */
export type LintInput =
  | 'namespaces'
  | 'services'
  | 'serviceEntries'
  | 'pods'
  | 'gateways'
  | 'virtualServices'
  | 'httpRoutes'
  | 'destinationRules'
  | 'authorizationPolicies';

/** A service account by namespace and name. */
export interface ServiceAccountRef {
  namespace: string;
  name: string;
}

/**
 * The cluster around the object being linted, as plain lists (from the watch cache, or a test's fixtures). The
 * object itself may or may not be among them: rules compare against others by kind, namespace and name.
 */
export interface LintContext {
  readonly namespaces: readonly KubeObject[];
  readonly services: readonly KubeObject[];
  readonly serviceEntries: readonly KubeObject[];
  readonly pods: readonly KubeObject[];
  /** Every Gateway (waypoints and ingress gateways). */
  readonly gateways: readonly KubeObject[];
  readonly virtualServices: readonly KubeObject[];
  readonly httpRoutes: readonly KubeObject[];
  readonly destinationRules: readonly KubeObject[];
  readonly authorizationPolicies: readonly KubeObject[];
  /** The service accounts the pods run as (`spec.serviceAccountName`, `default` when unset), each once. */
  readonly serviceAccounts: readonly ServiceAccountRef[];
  /** Istio's root namespace: its policies without a selector are mesh-wide. */
  readonly rootNamespace: string;
  /** The trust domain of workload identities (`cluster.local/ns/<ns>/sa/<sa>`). */
  readonly trustDomain: string;
  /** Parts that could not be read; the rules that need them stay silent rather than guess. */
  readonly unknown: ReadonlySet<LintInput>;
}

/** What a rule reports; {@link defineRule} adds the rule's code and severity. */
export type RuleHit = Pick<Finding, 'path' | 'message'>;

/** One row of the rule table. */
export interface LintRule {
  /** Stable identifier (docs/lint-rules.md). */
  readonly code: string;
  readonly severity: Severity;
  /** The kinds the rule checks. */
  readonly appliesTo: readonly ConfigKind[];
  /** The snapshot parts the rule reads; it is skipped when one of them is unknown. */
  readonly needs: readonly LintInput[];
  /** One line for people: what the rule means. */
  readonly about: string;
  /** The findings for one object; `[]` when it is fine. */
  check(object: KubeObject, context: LintContext): Finding[];
}

/** A rule as written in the table: its check reports paths and messages only. */
export interface RuleDefinition extends Omit<LintRule, 'check'> {
  check(object: KubeObject, context: LintContext): RuleHit[];
}

/** A {@link LintRule} from its definition: every hit gets the rule's code and severity. */
export function defineRule(definition: RuleDefinition): LintRule {
  return {
    ...definition,
    check: (object, context) =>
      definition
        .check(object, context)
        .map((hit) => ({ code: definition.code, severity: definition.severity, ...hit })),
  };
}
