/**
 * The security.istio.io/v1 specs: AuthorizationPolicy (scope, action, rules of sources, operations and
 * conditions), PeerAuthentication (mTLS mode, per port) and RequestAuthentication (JWT rules).
 */
import { z } from 'zod';
import { duration, policyTargetRef, stringList, workloadSelector } from './common';

const source = z
  .object({
    principals: stringList.optional(),
    notPrincipals: stringList.optional(),
    requestPrincipals: stringList.optional(),
    notRequestPrincipals: stringList.optional(),
    namespaces: stringList.optional(),
    notNamespaces: stringList.optional(),
    serviceAccounts: stringList.optional(),
    notServiceAccounts: stringList.optional(),
    ipBlocks: stringList.optional(),
    notIpBlocks: stringList.optional(),
    remoteIpBlocks: stringList.optional(),
    notRemoteIpBlocks: stringList.optional(),
  })
  .strict();

const operation = z
  .object({
    hosts: stringList.optional(),
    notHosts: stringList.optional(),
    ports: stringList.optional(),
    notPorts: stringList.optional(),
    methods: stringList.optional(),
    notMethods: stringList.optional(),
    paths: stringList.optional(),
    notPaths: stringList.optional(),
  })
  .strict();

const condition = z
  .object({ key: z.string().min(1), values: stringList.optional(), notValues: stringList.optional() })
  .strict();

const rule = z
  .object({
    from: z.array(z.object({ source }).strict()).optional(),
    to: z.array(z.object({ operation }).strict()).optional(),
    when: z.array(condition).optional(),
  })
  .strict();

/** `AuthorizationPolicy.spec`. `selector` with `targetRefs` is left to lint (`ap-selector-and-targetrefs`). */
export const authorizationPolicySpec = z
  .object({
    selector: workloadSelector.optional(),
    targetRef: policyTargetRef.optional(),
    targetRefs: z.array(policyTargetRef).optional(),
    action: z.enum(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']).optional(),
    provider: z
      .object({ name: z.string().min(1) })
      .strict()
      .optional(),
    rules: z.array(rule).optional(),
  })
  .strict()
  .refine((spec) => spec.action !== 'CUSTOM' || spec.provider !== undefined, {
    message: 'a CUSTOM policy needs provider.name',
    path: ['provider'],
  });

const mtlsMode = z.object({ mode: z.enum(['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']).optional() }).strict();

/** `PeerAuthentication.spec`; `portLevelMtls` keys are port numbers. */
export const peerAuthenticationSpec = z
  .object({
    selector: workloadSelector.optional(),
    mtls: mtlsMode.optional(),
    portLevelMtls: z.record(z.string().regex(/^\d+$/, 'must be a port number'), mtlsMode).optional(),
  })
  .strict()
  .refine((spec) => spec.portLevelMtls === undefined || spec.selector !== undefined, {
    message: 'portLevelMtls needs a selector (it applies to workloads, not a namespace)',
    path: ['portLevelMtls'],
  });

const jwtRule = z
  .object({
    issuer: z.string().min(1),
    audiences: stringList.optional(),
    jwksUri: z.string().optional(),
    jwks: z.string().optional(),
    fromHeaders: z.array(z.object({ name: z.string(), prefix: z.string().optional() }).strict()).optional(),
    fromParams: stringList.optional(),
    fromCookies: stringList.optional(),
    outputPayloadToHeader: z.string().optional(),
    outputClaimToHeaders: z.array(z.object({ header: z.string(), claim: z.string() }).strict()).optional(),
    forwardOriginalToken: z.boolean().optional(),
    timeout: duration.optional(),
  })
  .strict();

/** `RequestAuthentication.spec`. */
export const requestAuthenticationSpec = z
  .object({
    selector: workloadSelector.optional(),
    targetRef: policyTargetRef.optional(),
    targetRefs: z.array(policyTargetRef).optional(),
    jwtRules: z.array(jwtRule).optional(),
  })
  .strict();
