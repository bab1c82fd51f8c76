/**
 * A subset of Kubernetes strategic merge patch, enough for the patches kubectl computes for built-in kinds
 * (`kubectl apply`, `kubectl patch`): maps merge recursively, `null` deletes, lists of named things (containers,
 * env, volumes, ports…) merge by their merge key, and the directives `$patch` (replace, delete, merge),
 * `$retainKeys`, `$setElementOrder/<field>` and `$deleteFromPrimitiveList/<field>` are honoured. Other lists
 * replace, as they do for fields without a patch strategy.
 */
import { cloneJson, isPlainObject } from './types';

/** Merge keys of lists that merge instead of replacing, by field name (from the Kubernetes API's patch tags). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
};

/** Lists of scalars that merge as sets. */
const SET_LISTS: ReadonlySet<string> = new Set(['finalizers']);

/** `ports` merges by `containerPort` in a container and by `port` in a Service. */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field !== 'ports') return MERGE_KEYS[field];
  return items.some((i) => isPlainObject(i) && 'containerPort' in i) ? 'containerPort' : 'port';
}

function sameKey(a: unknown, b: unknown, key: string): boolean {
  return isPlainObject(a) && isPlainObject(b) && a[key] !== undefined && a[key] === b[key];
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  key: string,
  order: unknown[] | undefined,
): unknown[] {
  if (patch.some((p) => isPlainObject(p) && p['$patch'] === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p['$patch'] === 'replace')).map((p) => cloneJson(p));
  }
  let result = original.map((o) => cloneJson(o));
  for (const item of patch) {
    if (isPlainObject(item) && item['$patch'] === 'delete') {
      result = result.filter((r) => !sameKey(r, item, key));
      continue;
    }
    const index = result.findIndex((r) => sameKey(r, item, key));
    if (index >= 0) result[index] = strategicMerge(result[index], item);
    else result.push(strategicMerge(undefined, item));
  }
  if (!order) return result;
  const rank = (item: unknown): number => {
    const at = order.findIndex((o) => sameKey(o, item, key));
    return at < 0 ? order.length : at;
  };
  return result
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
    .map((x) => x.item);
}

function mergeField(field: string, current: unknown, value: unknown, order: unknown[] | undefined): unknown {
  if (Array.isArray(value)) {
    if (SET_LISTS.has(field) && Array.isArray(current)) return [...new Set([...current, ...value])];
    const key = mergeKeyFor(field, value);
    if (key) return mergeList(Array.isArray(current) ? current : [], value, key, order);
    return cloneJson(value);
  }
  if (isPlainObject(value)) return strategicMerge(current, value);
  return value;
}

/** Applies a strategic merge patch to a copy of `original`. */
export function strategicMerge(original: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const directive = patch['$patch'];
  if (directive === 'replace') {
    const { $patch: _replace, ...rest } = patch;
    return strategicMerge(undefined, rest);
  }
  const result: Record<string, unknown> = isPlainObject(original) ? cloneJson(original) : {};
  for (const [field, value] of Object.entries(patch)) {
    if (field === '$patch' || field === '$retainKeys' || field.startsWith('$setElementOrder/')) continue;
    if (field.startsWith('$deleteFromPrimitiveList/')) {
      const target = field.slice('$deleteFromPrimitiveList/'.length);
      const list = result[target];
      if (Array.isArray(list) && Array.isArray(value))
        result[target] = list.filter((v) => !value.includes(v));
      continue;
    }
    if (value === null) {
      delete result[field];
      continue;
    }
    const order = patch[`$setElementOrder/${field}`];
    result[field] = mergeField(field, result[field], value, Array.isArray(order) ? order : undefined);
  }
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    for (const field of Object.keys(result)) if (!retain.includes(field)) delete result[field];
  }
  return result;
}
