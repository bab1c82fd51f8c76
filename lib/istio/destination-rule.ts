import { type KubeObject } from '@/lib/kube/object';
import { type ServiceRef } from './host';
import { hostIndexMemo } from './host-index';
import { type Labels } from './selector';

/** The fields of `DestinationRule.spec` read here. */
export interface DestinationRuleSpec {
  host?: string;
  subsets?: { name: string; labels?: Record<string, string> }[];
}

type Rule = KubeObject<DestinationRuleSpec>;

/** Exact-host rules in the Service's namespace first, then other exact hosts, then wildcards; oldest first. */
function rank(rule: Rule, service: ServiceRef): [number, string] {
  const host = rule.spec?.host ?? '';
  const wildcard = host.startsWith('*') ? 2 : 0;
  const elsewhere = rule.metadata.namespace === service.namespace ? 0 : 1;
  return [wildcard + elsewhere, rule.metadata.creationTimestamp ?? ''];
}

const byHost = hostIndexMemo((rule) => {
  const host = (rule as Rule).spec?.host;
  return host === undefined ? [] : [host];
});

/** The DestinationRule that applies to a Service's host, or undefined. */
export function destinationRuleFor(
  rules: readonly KubeObject[],
  service: ServiceRef,
): KubeObject | undefined {
  let best: { rule: Rule; key: [number, string] } | undefined;
  for (const rule of byHost(rules).lookup(service) as Rule[]) {
    const key = rank(rule, service);
    if (best === undefined || key[0] < best.key[0] || (key[0] === best.key[0] && key[1] < best.key[1])) {
      best = { rule, key };
    }
  }
  return best?.rule;
}

/** The labels of a named subset of a Service's DestinationRule, or undefined when it is not defined. */
export function subsetLabels(
  rules: readonly KubeObject[],
  service: ServiceRef,
  subset: string,
): Labels | undefined {
  const rule = destinationRuleFor(rules, service) as Rule | undefined;
  const found = rule?.spec?.subsets?.find((s) => s.name === subset);
  return found === undefined ? undefined : (found.labels ?? {});
}
