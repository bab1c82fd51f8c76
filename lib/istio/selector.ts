/**
 * Label selectors as Kubernetes and Istio write them: a plain map (Service `spec.selector`, DestinationRule subset
 * `labels`), or `{matchLabels, matchExpressions}` (Deployments, Istio `selector`).
 */

/** Labels of an object, possibly absent. */
export type Labels = Readonly<Record<string, string>>;

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** A Kubernetes `LabelSelector`. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const OPERATORS: Record<
  LabelSelectorRequirement['operator'],
  (value: string | undefined, values: string[]) => boolean
> = {
  In: (value, values) => value !== undefined && values.includes(value),
  NotIn: (value, values) => value === undefined || !values.includes(value),
  Exists: (value) => value !== undefined,
  DoesNotExist: (value) => value === undefined,
};

/** True when every `key: value` of `required` is among `labels` (an empty or absent map matches everything). */
export function matchesLabels(required: Labels | undefined, labels: Labels | undefined): boolean {
  if (required === undefined) return true;
  for (const key in required) {
    if (labels?.[key] !== required[key]) return false;
  }
  return true;
}

/** True when `labels` satisfy both parts of a `LabelSelector` (an empty selector matches everything). */
export function matchesSelector(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (selector === undefined) return true;
  if (!matchesLabels(selector.matchLabels, labels)) return false;
  return (selector.matchExpressions ?? []).every((req) => {
    const test = OPERATORS[req.operator];
    return test !== undefined && test(labels?.[req.key], req.values ?? []);
  });
}

/** True for a selector that selects nothing in particular (absent, or no labels and no expressions). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    selector === undefined ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
  );
}
