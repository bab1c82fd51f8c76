/**
 * Schema validation of Istio and Gateway API objects with the JSON schemas that ship in @kubernetes-models, turned
 * into Kubernetes `Status` causes whose `field` is the path a person reads (`spec.http[0].route[0].weight`).
 */
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway as IstioGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { ServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import { RequestAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication';
import { Telemetry } from '@kubernetes-models/istio/telemetry.istio.io/v1/Telemetry';
import { type StatusCause } from './status';
import { type KubeObject } from './types';

/** The fields of an ajv error this module reads (ajv is a transitive dependency, so it is described, not imported). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A model class: built from an object's data, it validates against the kind's schema (throwing on failure). */
type Model = new (data: never) => { validate(): void };

/** The schema-validated kinds by store key (`plural.group`); other kinds get only metadata checks. */
const MODELS: Readonly<Record<string, Model>> = {
  'gatewayclasses.gateway.networking.k8s.io': GatewayClass,
  'gateways.gateway.networking.k8s.io': Gateway,
  'httproutes.gateway.networking.k8s.io': HTTPRoute,
  'virtualservices.networking.istio.io': VirtualService,
  'destinationrules.networking.istio.io': DestinationRule,
  'serviceentries.networking.istio.io': ServiceEntry,
  'gateways.networking.istio.io': IstioGateway,
  'authorizationpolicies.security.istio.io': AuthorizationPolicy,
  'peerauthentications.security.istio.io': PeerAuthentication,
  'requestauthentications.security.istio.io': RequestAuthentication,
  'telemetries.telemetry.istio.io': Telemetry,
};

/** `/spec/http/0/route` -> `spec.http[0].route`. */
export function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function valueAt(object: unknown, instancePath: string): unknown {
  let current = object;
  for (const part of instancePath.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** One ajv error as a Kubernetes cause. */
export function causeFromError(error: SchemaError, object: unknown): StatusCause {
  const params = error.params;
  if (error.keyword === 'required') {
    const missing = String(params['missingProperty']);
    return {
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: fieldPath(error.instancePath, missing),
    };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(params['additionalProperty']);
    return {
      reason: 'FieldValueInvalid',
      message: 'Unsupported field',
      field: fieldPath(error.instancePath, extra),
    };
  }
  const value = JSON.stringify(valueAt(object, error.instancePath)) ?? 'null';
  const reason =
    error.keyword === 'enum'
      ? 'FieldValueNotSupported'
      : error.keyword === 'type'
        ? 'FieldValueTypeInvalid'
        : 'FieldValueInvalid';
  const message = `Invalid value: ${value.length > 80 ? `${value.slice(0, 77)}...` : value}: ${error.message ?? error.keyword}`;
  return { reason, message, field: fieldPath(error.instancePath) };
}

function isAjvFailure(error: unknown): error is { errors: SchemaError[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

/** At most this many causes are reported; the first ones name the problem. */
const MAX_CAUSES = 20;

/** The schema problems of an object of the kind stored under `key`; `[]` when valid or not schema-checked. */
export function schemaCauses(key: string, object: KubeObject): StatusCause[] {
  const model = MODELS[key];
  if (!model) return [];
  const { apiVersion: _apiVersion, kind: _kind, ...data } = object;
  try {
    new model(data as never).validate();
    return [];
  } catch (error) {
    if (!isAjvFailure(error)) return [{ reason: 'FieldValueInvalid', message: String(error), field: '' }];
    const seen = new Set<string>();
    const causes: StatusCause[] = [];
    for (const e of error.errors) {
      const cause = causeFromError(e, object);
      const id = `${cause.field}|${cause.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      causes.push(cause);
    }
    return causes.slice(0, MAX_CAUSES);
  }
}
