/**
 * Schema validation of the listed configuration kinds: a full schema of the spec for VirtualService,
 * DestinationRule, AuthorizationPolicy, PeerAuthentication and RequestAuthentication, a thin envelope check
 * (apiVersion, kind, metadata, an object spec) for Gateway, HTTPRoute, ServiceEntry and Telemetry. The JSON Schema
 * of each kind is generated from the same zod schema for the YAML editor's completion.
 */
import { z } from 'zod';
import { CONFIG_KIND_NAMES, type ConfigKind, apiVersionsOf, isConfigKind } from '../kinds';
import type { SchemaProblem } from '../types';
import { anyObject, metadata } from './common';
import { destinationRuleSpec } from './destination-rule';
import { issuesOf, type SchemaIssue } from './problems';
import { authorizationPolicySpec, peerAuthenticationSpec, requestAuthenticationSpec } from './security';
import { virtualServiceSpec } from './virtual-service';

/** The spec schema of each kind, and whether a spec must be present. */
const SPECS: Readonly<Record<ConfigKind, { spec: z.ZodType; required: boolean; full: boolean }>> = {
  VirtualService: { spec: virtualServiceSpec, required: true, full: true },
  DestinationRule: { spec: destinationRuleSpec, required: true, full: true },
  AuthorizationPolicy: { spec: authorizationPolicySpec, required: false, full: true },
  PeerAuthentication: { spec: peerAuthenticationSpec, required: false, full: true },
  RequestAuthentication: { spec: requestAuthenticationSpec, required: false, full: true },
  Gateway: { spec: anyObject, required: true, full: false },
  HTTPRoute: { spec: anyObject, required: true, full: false },
  ServiceEntry: { spec: anyObject, required: true, full: false },
  Telemetry: { spec: anyObject, required: false, full: false },
};

function objectSchema(kind: ConfigKind): z.ZodType {
  const { spec, required } = SPECS[kind];
  const [preferred, ...others] = apiVersionsOf(kind);
  return z
    .object({
      apiVersion: z.enum([preferred ?? '', ...others]),
      kind: z.literal(kind),
      metadata,
      spec: required ? spec : spec.optional(),
      status: z.unknown().optional(),
    })
    .strict();
}

const SCHEMAS = new Map<ConfigKind, z.ZodType>(CONFIG_KIND_NAMES.map((kind) => [kind, objectSchema(kind)]));

/** True when the kind's spec is checked field by field (not only its envelope). */
export function hasFullSchema(kind: ConfigKind): boolean {
  return SPECS[kind].full;
}

/** The zod schema of a whole object of the kind. */
export function schemaFor(kind: ConfigKind): z.ZodType {
  const schema = SCHEMAS.get(kind);
  if (schema === undefined) throw new Error(`no schema for ${kind}`);
  return schema;
}

/** The outcome of a schema check. */
export interface SchemaCheck {
  problems: SchemaIssue[];
  /** True when the object parses apart from unknown fields: rules may read its typed fields. */
  sound: boolean;
}

/** Checks an object against the schema of its `kind`, keeping whether each problem is only an unknown field. */
export function checkSchema(obj: unknown): SchemaCheck {
  const kind = typeof obj === 'object' && obj !== null ? (obj as { kind?: unknown }).kind : undefined;
  if (!isConfigKind(kind)) {
    const message =
      kind === undefined
        ? 'required'
        : `${JSON.stringify(kind)} is not a listed kind (${CONFIG_KIND_NAMES.join(', ')})`;
    return { problems: [{ path: 'kind', message, unknownField: false }], sound: false };
  }
  const result = schemaFor(kind).safeParse(obj, { reportInput: true });
  if (result.success) return { problems: [], sound: true };
  const problems = issuesOf(result.error);
  return { problems, sound: problems.every((p) => p.unknownField) };
}

/** The schema problems of an object: `[]` when it is valid. */
export function validateObject(obj: unknown): SchemaProblem[] {
  return checkSchema(obj).problems.map(({ path, message }) => ({ path, message }));
}

const jsonSchemas = new Map<ConfigKind, Record<string, unknown>>();

/** The JSON Schema (draft 2020-12) of a whole object of the kind, as the YAML editor's completion reads it. */
export function jsonSchemaFor(kind: ConfigKind): Record<string, unknown> {
  let schema = jsonSchemas.get(kind);
  if (schema === undefined) {
    schema = z.toJSONSchema(schemaFor(kind), { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    jsonSchemas.set(kind, schema);
  }
  return schema;
}
