/**
 * Server-owned metadata: deterministic uids and generated names, timestamps from an injectable clock, and the
 * checks Kubernetes applies to names, labels and annotations of every object.
 */
import { createHash } from 'node:crypto';
import { type StatusCause } from './status';
import { type KubeObject } from './types';

/** RFC 3339 at second precision, as Kubernetes writes `creationTimestamp`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function digest(seed: string, n: number): string {
  return createHash('sha256').update(`${seed}:${n}`).digest('hex');
}

/** A UUID-shaped uid derived from a seed and a counter: the same seed gives the same uids. */
export function deterministicUid(seed: string, n: number): string {
  const h = digest(seed, n);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix for `metadata.generateName`, derived from a seed and a counter. */
export function generatedSuffix(seed: string, n: number): string {
  const h = digest(`name:${seed}`, n);
  let out = '';
  for (let i = 0; i < 5; i++)
    out += NAME_ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % NAME_ALPHABET.length];
  return out;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return 'prefix part must be a lowercase RFC 1123 subdomain';
  }
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

function invalidField(field: string, message: string): StatusCause {
  return { reason: 'FieldValueInvalid', message, field };
}

function checkStringMap(map: unknown, field: string, values: boolean): StatusCause[] {
  if (map === undefined) return [];
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return [invalidField(field, 'must be a map of strings')];
  }
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(map)) {
    const problem = qualifiedNameProblem(key);
    if (problem) causes.push(invalidField(`${field}`, `Invalid value: "${key}": ${problem}`));
    if (typeof value !== 'string') causes.push(invalidField(`${field}.${key}`, 'must be a string'));
    else if (values && (value.length > 63 || !LABEL_VALUE.test(value))) {
      causes.push(invalidField(`${field}.${key}`, `Invalid value: "${value}": not a valid label value`));
    }
  }
  return causes;
}

/** Kinds whose names need only be valid path segments (`system:discovery`), as Kubernetes validates RBAC names. */
const PATH_SEGMENT_NAMED = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** What is wrong with a (non-empty) name of an object of this kind, if anything. */
function nameProblem(kind: string, name: string): string | undefined {
  if (PATH_SEGMENT_NAMED.has(kind)) {
    if (name === '.' || name === '..') return `may not be '${name}'`;
    const bad = ['/', '%'].find((c) => name.includes(c));
    return bad ? `may not contain '${bad}'` : undefined;
  }
  const rule = kind === 'Namespace' ? DNS_LABEL : DNS_SUBDOMAIN;
  if (name.length <= 253 && rule.test(name)) return undefined;
  const what = kind === 'Namespace' ? 'RFC 1123 label' : 'RFC 1123 subdomain';
  return `a lowercase ${what} must consist of lower case alphanumeric characters, '-' or '.'`;
}

/** The metadata problems of an object about to be stored: its name, labels and annotations. */
export function metadataCauses(object: KubeObject, kind: string): StatusCause[] {
  const { name, labels, annotations } = object.metadata;
  const causes: StatusCause[] = [];
  if (typeof name !== 'string' || name === '') {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else {
    const problem = nameProblem(kind, name);
    if (problem) causes.push(invalidField('metadata.name', `Invalid value: "${name}": ${problem}`));
  }
  causes.push(...checkStringMap(labels, 'metadata.labels', true));
  causes.push(...checkStringMap(annotations, 'metadata.annotations', false));
  return causes;
}
