/**
 * Label and field selectors, parsed once and matched against objects. Label selectors support the full set-based
 * syntax (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`); field selectors support `=`, `==` and `!=` on any dotted
 * path (`metadata.name`, `metadata.namespace`, `spec.nodeName`, `status.phase`).
 */
import { badRequest } from './status';

/** One requirement of a label selector. */
export type LabelRequirement =
  { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | 'notexists' };

/** One requirement of a field selector: a dotted path compared to a string. */
export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

/** A compiled selector: an object matches when every requirement holds. */
export interface Selector<R> {
  requirements: R[];
}

/** Splits on commas that are not inside parentheses (`a in (x,y),b`). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function checkKey(key: string, whole: string): string {
  if (!KEY.test(key))
    throw badRequest(`unable to parse requirement: invalid label key "${key}" in "${whole}"`);
  return key;
}

function checkValue(value: string, whole: string): string {
  if (!VALUE.test(value))
    throw badRequest(`unable to parse requirement: invalid label value "${value}" in "${whole}"`);
  return value;
}

function parseLabelTerm(term: string): LabelRequirement {
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = list.split(',').map((v) => checkValue(v.trim(), term));
    return { key: checkKey(key, term), op: op === 'in' ? 'in' : 'notin', values };
  }
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (cmp) {
    const [, key = '', op, value = ''] = cmp;
    const values = [checkValue(value.trim(), term)];
    return { key: checkKey(key, term), op: op === '!=' ? 'notin' : 'in', values };
  }
  if (term.startsWith('!')) return { key: checkKey(term.slice(1).trim(), term), op: 'notexists' };
  return { key: checkKey(term, term), op: 'exists' };
}

/** Parses a label selector; an empty or missing selector matches everything. Throws a 400 ApiError. */
export function parseLabelSelector(text: string | null | undefined): Selector<LabelRequirement> {
  return { requirements: splitTopLevel(text ?? '').map(parseLabelTerm) };
}

/** Parses a field selector (`metadata.name=x,status.phase!=Running`). Throws a 400 ApiError. */
export function parseFieldSelector(text: string | null | undefined): Selector<FieldRequirement> {
  const requirements = splitTopLevel(text ?? '').map((term): FieldRequirement => {
    const m = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid field selector: "${term}"`);
    const [, path = '', op, value = ''] = m;
    return { path, op: op === '!=' ? '!=' : '=', value: value.trim() };
  });
  return { requirements };
}

/** True when the labels satisfy every requirement. */
export function matchesLabels(
  selector: Selector<LabelRequirement>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return selector.requirements.every((r) => {
    const has = labels !== undefined && Object.hasOwn(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key] ?? '');
      case 'notin':
        return !has || !r.values.includes(labels[r.key] ?? '');
    }
  });
}

function fieldValue(object: unknown, path: string): string {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}

/** True when the object's fields satisfy every requirement; a missing field compares as `''`. */
export function matchesFields(selector: Selector<FieldRequirement>, object: unknown): boolean {
  return selector.requirements.every((r) => (fieldValue(object, r.path) === r.value) === (r.op === '='));
}
