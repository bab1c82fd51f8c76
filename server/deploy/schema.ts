import * as clientNode from '@kubernetes/client-node';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as core from 'kubernetes-models/v1';
import type { Manifest } from './manifests';

/**
 * Schema checks of rendered manifests, without an API server. Two complementary checks:
 *
 * - `kubernetes-models`: each object is built with its model class and validated against the Kubernetes OpenAPI
 *   schema (types, required fields, enums, formats). Those schemas allow unknown fields, so a misspelt field
 *   (`readOnlyRootFileSystem`) would pass and silently do nothing;
 * - unknown fields: every field must be one the Kubernetes API defines, per the field tables of
 *   `@kubernetes/client-node`'s models (`attributeTypeMap`), walked recursively.
 */

/** A model class of `kubernetes-models`: a kind at one apiVersion, with its schema's validate(). */
interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: never): { validate(): void };
}

/** The API groups the manifests may use, by apiVersion; an apiVersion not here has no schema (an error). */
const MODEL_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  v1: core,
  'apps/v1': apps,
  'autoscaling/v2': autoscaling,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
  'rbac.authorization.k8s.io/v1': rbac,
};

function isModelClass(value: unknown, apiVersion: string, kind: string): value is ModelClass {
  if (typeof value !== 'function') return false;
  const meta = value as unknown as { apiVersion?: unknown; kind?: unknown };
  return meta.apiVersion === apiVersion && meta.kind === kind;
}

/** The model class of an apiVersion and kind, or undefined when kubernetes-models has none here. */
export function modelClass(apiVersion: string, kind: string): ModelClass | undefined {
  const found = MODEL_MODULES[apiVersion]?.[kind];
  return isModelClass(found, apiVersion, kind) ? found : undefined;
}

/** What the schema of the object's kind says is wrong with it: one line per error, none when it is valid. */
export function schemaErrors(object: Manifest): string[] {
  const Model = modelClass(object.apiVersion, object.kind);
  if (Model === undefined) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(structuredClone(object) as never).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: { instancePath?: string; message?: string }[] }).errors;
    if (!Array.isArray(errors)) return [error instanceof Error ? error.message : String(error)];
    return errors.map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
  }
}

/** A field of a client-node model: its JSON name and its type (`V1PodSpec`, `Array<V1Container>`, `string`...). */
interface Attribute {
  baseName: string;
  type: string;
}

function attributesOf(typeName: string): readonly Attribute[] | undefined {
  const model = (clientNode as unknown as Record<string, { attributeTypeMap?: unknown } | undefined>)[
    typeName
  ];
  const map = model?.attributeTypeMap;
  return Array.isArray(map) ? (map as Attribute[]) : undefined;
}

/** `V1Deployment` for `apps/v1` Deployment, `V1beta1Foo` for `x.io/v1beta1` Foo: client-node's model names. */
function topLevelType(apiVersion: string, kind: string): string {
  const version = apiVersion.split('/').pop() ?? apiVersion;
  return `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
}

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

function unknownIn(value: unknown, type: string, path: string, found: string[]): void {
  if (value === null || value === undefined) return;
  const element = ARRAY.exec(type)?.[1];
  if (element !== undefined) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownIn(item, element, `${path}[${i}]`, found));
    return;
  }
  const mapped = MAP.exec(type)?.[1];
  if (mapped !== undefined) {
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) unknownIn(item, mapped, `${path}.${key}`, found);
    }
    return;
  }
  const attributes = attributesOf(type);
  if (attributes === undefined || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const attribute = attributes.find((a) => a.baseName === key);
    const at = path === '' ? key : `${path}.${key}`;
    if (attribute === undefined) found.push(at);
    else unknownIn(item, attribute.type, at, found);
  }
}

/**
 * The paths of fields the Kubernetes API does not define (`spec.template.spec.containers[0].securityContext.
 * readOnlyRootFileSystem`), or an error line when client-node has no model of the kind.
 */
export function unknownFields(object: Manifest): string[] {
  const type = topLevelType(object.apiVersion, object.kind);
  if (attributesOf(type) === undefined) return [`no field list for ${object.apiVersion} ${object.kind}`];
  const found: string[] = [];
  unknownIn(object, type, '', found);
  return found.map((path) => `unknown field ${path}`);
}
