/**
 * A draft's keys in the live object's order: a prepared object (a graph shortcut's draft) written in another key
 * order would otherwise show in the YAML diff as lines removed and added again, hiding what really changes.
 */
import { isJsonObject } from './lens';

/** `value` with the keys of each mapping in the order `model` has them (new keys after), recursively. */
export function orderLike<T>(value: T, model: unknown): T {
  if (Array.isArray(value)) {
    const items = Array.isArray(model) ? model : [];
    return value.map((item, i) => orderLike(item, items[i])) as T;
  }
  if (!isJsonObject(value)) return value;
  const shape = isJsonObject(model) ? model : {};
  const keys = [
    ...Object.keys(shape).filter((k) => k in value),
    ...Object.keys(value).filter((k) => !(k in shape)),
  ];
  return Object.fromEntries(keys.map((k) => [k, orderLike(value[k], shape[k])])) as T;
}
