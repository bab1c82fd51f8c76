/**
 * Label selectors and policy scopes in words, shared by the config list's "applies to" column and the lint
 * messages: "workloads with app=ratings", "namespace bookinfo", "mesh-wide".
 */
import type { LabelSelector } from '@/lib/istio/selector';

const OPERATOR_WORDS: Readonly<Record<string, (key: string, values: string) => string>> = {
  In: (key, values) => `${key} in (${values})`,
  NotIn: (key, values) => `${key} not in (${values})`,
  Exists: (key) => `${key} set`,
  DoesNotExist: (key) => `no ${key}`,
};

/** `app=ratings,version=v1` (and expressions in words); `''` for an empty selector. */
export function selectorText(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector?.matchExpressions ?? []).map((e) =>
    (OPERATOR_WORDS[e.operator] ?? ((key: string) => `${key} ${e.operator}`))(
      e.key,
      (e.values ?? []).join(', '),
    ),
  );
  return [...labels, ...expressions].join(',');
}

/** True when the selector names at least one label or expression. */
export function selectsSomething(selector: LabelSelector | undefined): boolean {
  return selectorText(selector) !== '';
}

/**
 * What a workload-scoped policy (no targetRefs) applies to: "workloads with app=ratings", "namespace bookinfo",
 * "mesh-wide"; a selector in the root namespace selects in every namespace.
 */
export function workloadScopeText(
  selector: LabelSelector | undefined,
  namespace: string,
  rootNamespace: string,
): string {
  const text = selectorText(selector);
  if (text === '') return namespace === rootNamespace ? 'mesh-wide' : `namespace ${namespace}`;
  return namespace === rootNamespace ? `workloads with ${text} in every namespace` : `workloads with ${text}`;
}

/** `a, b, c` or `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
