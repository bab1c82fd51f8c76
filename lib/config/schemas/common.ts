/**
 * Building blocks shared by the Istio schemas: strings and lists, label maps, durations, percentages, ports,
 * string matches, workload selectors and policy target references (istio.io reference, "Common types").
 * Objects are `.strict()`, so an unknown field is reported with its path rather than silently ignored.
 */
import { z } from 'zod';
import { parseIstioDuration } from '@/lib/istio/duration';

/** A list of strings. */
export const stringList = z.array(z.string());

/** A `key: value` map of labels (or headers to set). */
export const stringMap = z.record(z.string(), z.string());

/** An Istio duration such as `5s`, `100ms`, `1h30m`. */
export const duration = z
  .string()
  .refine((text) => parseIstioDuration(text) !== undefined, 'must be a duration such as 5s, 100ms or 1h30m');

/** A whole number from `min` to `max`. */
export function int(min = 0, max = Number.MAX_SAFE_INTEGER): z.ZodNumber {
  return z.number().int().min(min).max(max);
}

/** A port number. */
export const portNumber = int(1, 65_535);

/** `{number: 9080}`, a port selector. */
export const portSelector = z.object({ number: portNumber }).strict();

/** `{value: 12.5}`: a percentage from 0 to 100. */
export const percent = z.object({ value: z.number().min(0).max(100) }).strict();

/** `{exact}`, `{prefix}` or `{regex}`: at most one of them (an empty match tests presence, for headers). */
export const stringMatch = z
  .object({ exact: z.string().optional(), prefix: z.string().optional(), regex: z.string().optional() })
  .strict()
  .refine((m) => Object.keys(m).length <= 1, 'give one of exact, prefix or regex');

/** Istio's `WorkloadSelector`: `{matchLabels}`. */
export const workloadSelector = z.object({ matchLabels: stringMap.optional() }).strict();

/** A `targetRef`/`targetRefs` entry: a Gateway, GatewayClass, Service or ServiceEntry by name. */
export const policyTargetRef = z
  .object({
    group: z.string().optional(),
    kind: z.string().min(1),
    name: z.string().min(1),
    namespace: z.string().optional(),
  })
  .strict();

/** `headers` of a route: request and response header operations. */
const headerOperations = z
  .object({ set: stringMap.optional(), add: stringMap.optional(), remove: stringList.optional() })
  .strict();

/** `{request, response}` header operations. */
export const headers = z
  .object({ request: headerOperations.optional(), response: headerOperations.optional() })
  .strict();

/** A nested structure this module does not model field by field: any object. */
export const anyObject = z.record(z.string(), z.unknown());

/** A Kubernetes object name (RFC 1123 subdomain). */
const objectName = z
  .string()
  .min(1, 'is required')
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
  );

/**
 * `metadata`: name required; labels and annotations string maps. The server-owned fields (uid, resourceVersion,
 * managedFields…) are passed through unchecked, so that objects read from the cluster validate too.
 */
export const metadata = z
  .object({
    name: objectName,
    namespace: z.string().optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
  })
  .loose();
