/**
 * `DestinationRule.spec` (networking.istio.io/v1): host, subsets, and the traffic policy (load balancing,
 * connection pool, outlier detection, TLS, per-port settings) as istio.io documents them.
 */
import { z } from 'zod';
import { anyObject, duration, int, portSelector, stringList, stringMap, workloadSelector } from './common';

const consistentHash = z
  .object({
    httpHeaderName: z.string().optional(),
    httpCookie: z
      .object({ name: z.string(), path: z.string().optional(), ttl: duration.optional() })
      .strict()
      .optional(),
    useSourceIp: z.boolean().optional(),
    httpQueryParameterName: z.string().optional(),
    ringHash: z.object({ minimumRingSize: int().optional() }).strict().optional(),
    maglev: z.object({ tableSize: int().optional() }).strict().optional(),
    minimumRingSize: int().optional(),
  })
  .strict();

const loadBalancer = z
  .object({
    simple: z
      .enum(['UNSPECIFIED', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST', 'LEAST_CONN'])
      .optional(),
    consistentHash: consistentHash.optional(),
    localityLbSetting: anyObject.optional(),
    warmupDurationSecs: duration.optional(),
    warmup: anyObject.optional(),
  })
  .strict();

const connectionPool = z
  .object({
    tcp: z
      .object({
        maxConnections: int().optional(),
        connectTimeout: duration.optional(),
        tcpKeepalive: z
          .object({ probes: int().optional(), time: duration.optional(), interval: duration.optional() })
          .strict()
          .optional(),
        maxConnectionDuration: duration.optional(),
        idleTimeout: duration.optional(),
      })
      .strict()
      .optional(),
    http: z
      .object({
        http1MaxPendingRequests: int().optional(),
        http2MaxRequests: int().optional(),
        maxRequestsPerConnection: int().optional(),
        maxRetries: int().optional(),
        idleTimeout: duration.optional(),
        h2UpgradePolicy: z.enum(['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE']).optional(),
        useClientProtocol: z.boolean().optional(),
        maxConcurrentStreams: int().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const outlierDetection = z
  .object({
    splitExternalLocalOriginErrors: z.boolean().optional(),
    consecutiveLocalOriginFailures: int().optional(),
    consecutiveGatewayErrors: int().optional(),
    consecutive5xxErrors: int().optional(),
    consecutiveErrors: int().optional(),
    interval: duration.optional(),
    baseEjectionTime: duration.optional(),
    maxEjectionPercent: int(0, 100).optional(),
    minHealthPercent: int(0, 100).optional(),
  })
  .strict();

const clientTls = z
  .object({
    mode: z.enum(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']).optional(),
    clientCertificate: z.string().optional(),
    privateKey: z.string().optional(),
    caCertificates: z.string().optional(),
    credentialName: z.string().optional(),
    subjectAltNames: stringList.optional(),
    sni: z.string().optional(),
    insecureSkipVerify: z.boolean().optional(),
    caCrl: z.string().optional(),
  })
  .strict();

const portTrafficPolicy = z
  .object({
    port: portSelector.optional(),
    loadBalancer: loadBalancer.optional(),
    connectionPool: connectionPool.optional(),
    outlierDetection: outlierDetection.optional(),
    tls: clientTls.optional(),
  })
  .strict();

const trafficPolicy = z
  .object({
    loadBalancer: loadBalancer.optional(),
    connectionPool: connectionPool.optional(),
    outlierDetection: outlierDetection.optional(),
    tls: clientTls.optional(),
    portLevelSettings: z.array(portTrafficPolicy).optional(),
    tunnel: z
      .object({ protocol: z.string().optional(), targetHost: z.string(), targetPort: int(1, 65_535) })
      .strict()
      .optional(),
    proxyProtocol: z
      .object({ version: z.enum(['V1', 'V2']).optional() })
      .strict()
      .optional(),
    retryBudget: anyObject.optional(),
  })
  .strict();

/** `DestinationRule.spec`. */
export const destinationRuleSpec = z
  .object({
    host: z.string().min(1),
    trafficPolicy: trafficPolicy.optional(),
    subsets: z
      .array(
        z
          .object({
            name: z.string().min(1),
            labels: stringMap.optional(),
            trafficPolicy: trafficPolicy.optional(),
          })
          .strict(),
      )
      .optional(),
    exportTo: stringList.optional(),
    workloadSelector: workloadSelector.optional(),
  })
  .strict();
