/**
 * `VirtualService.spec` (networking.istio.io/v1), the fields istio.io documents: HTTP routes with their matches,
 * weighted destinations, redirects, rewrites, timeouts, retries, faults, mirrors, CORS and headers; TLS and TCP
 * routes; hosts, gateways and exportTo.
 */
import { z } from 'zod';
import {
  duration,
  headers,
  int,
  percent,
  portNumber,
  portSelector,
  stringList,
  stringMap,
  stringMatch,
} from './common';

/** `destination`: a host (Service, ServiceEntry host), optionally a subset and a port. */
export const destination = z
  .object({ host: z.string().min(1), subset: z.string().optional(), port: portSelector.optional() })
  .strict();

const httpMatchRequest = z
  .object({
    name: z.string().optional(),
    uri: stringMatch.optional(),
    scheme: stringMatch.optional(),
    method: stringMatch.optional(),
    authority: stringMatch.optional(),
    headers: z.record(z.string(), stringMatch).optional(),
    withoutHeaders: z.record(z.string(), stringMatch).optional(),
    queryParams: z.record(z.string(), stringMatch).optional(),
    port: portNumber.optional(),
    sourceLabels: stringMap.optional(),
    gateways: stringList.optional(),
    ignoreUriCase: z.boolean().optional(),
    sourceNamespace: z.string().optional(),
    statPrefix: z.string().optional(),
  })
  .strict();

const httpRouteDestination = z
  .object({ destination, weight: int().optional(), headers: headers.optional() })
  .strict();

const routeDestination = z.object({ destination, weight: int().optional() }).strict();

const redirect = z
  .object({
    uri: z.string().optional(),
    authority: z.string().optional(),
    port: portNumber.optional(),
    derivePort: z.enum(['FROM_PROTOCOL_DEFAULT', 'FROM_REQUEST_PORT']).optional(),
    scheme: z.string().optional(),
    redirectCode: int(300, 399).optional(),
  })
  .strict();

const rewrite = z
  .object({
    uri: z.string().optional(),
    authority: z.string().optional(),
    uriRegexRewrite: z.object({ match: z.string(), rewrite: z.string() }).strict().optional(),
  })
  .strict();

const retries = z
  .object({
    attempts: int().optional(),
    perTryTimeout: duration.optional(),
    retryOn: z.string().optional(),
    retryRemoteLocalities: z.boolean().optional(),
    retryIgnorePreviousHosts: z.boolean().optional(),
    backoff: duration.optional(),
  })
  .strict();

const fault = z
  .object({
    delay: z
      .object({
        fixedDelay: duration.optional(),
        percentage: percent.optional(),
        percent: int(0, 100).optional(),
      })
      .strict()
      .optional(),
    abort: z
      .object({
        httpStatus: int(200, 599).optional(),
        grpcStatus: z.string().optional(),
        http2Error: z.string().optional(),
        percentage: percent.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const corsPolicy = z
  .object({
    allowOrigins: z.array(stringMatch).optional(),
    allowOrigin: stringList.optional(),
    allowMethods: stringList.optional(),
    allowHeaders: stringList.optional(),
    exposeHeaders: stringList.optional(),
    maxAge: duration.optional(),
    allowCredentials: z.boolean().optional(),
    unmatchedPreflights: z.enum(['UNSPECIFIED', 'FORWARD', 'IGNORE']).optional(),
  })
  .strict();

const httpRoute = z
  .object({
    name: z.string().optional(),
    match: z.array(httpMatchRequest).optional(),
    route: z.array(httpRouteDestination).optional(),
    redirect: redirect.optional(),
    directResponse: z
      .object({
        status: int(200, 599),
        body: z.object({ string: z.string(), bytes: z.string() }).partial().strict().optional(),
      })
      .strict()
      .optional(),
    delegate: z.object({ name: z.string(), namespace: z.string().optional() }).strict().optional(),
    rewrite: rewrite.optional(),
    timeout: duration.optional(),
    retries: retries.optional(),
    fault: fault.optional(),
    mirror: destination.optional(),
    mirrors: z.array(z.object({ destination, percentage: percent.optional() }).strict()).optional(),
    mirrorPercentage: percent.optional(),
    mirrorPercent: int(0, 100).optional(),
    corsPolicy: corsPolicy.optional(),
    headers: headers.optional(),
  })
  .strict();

const l4Match = {
  destinationSubnets: stringList.optional(),
  port: portNumber.optional(),
  sourceLabels: stringMap.optional(),
  gateways: stringList.optional(),
  sourceNamespace: z.string().optional(),
};

const tlsRoute = z
  .object({
    match: z.array(z.object({ sniHosts: stringList, ...l4Match }).strict()),
    route: z.array(routeDestination).optional(),
  })
  .strict();

const tcpRoute = z
  .object({
    match: z.array(z.object({ ...l4Match, sourceSubnet: z.string().optional() }).strict()).optional(),
    route: z.array(routeDestination).optional(),
  })
  .strict();

/** `VirtualService.spec`. */
export const virtualServiceSpec = z
  .object({
    hosts: stringList.optional(),
    gateways: stringList.optional(),
    http: z.array(httpRoute).optional(),
    tls: z.array(tlsRoute).optional(),
    tcp: z.array(tcpRoute).optional(),
    exportTo: stringList.optional(),
  })
  .strict();

/** A parsed `VirtualService.spec`. */
export type VirtualServiceSpecInput = z.infer<typeof virtualServiceSpec>;
