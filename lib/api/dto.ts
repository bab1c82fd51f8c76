import type { SourceHealth } from '@/lib/health';
import type { SourceErrorDTO } from '@/lib/source-error';

/**
 * Every data answer of the API: what could be read, and what could not. A source that is down adds to `errors`
 * while the rest is still returned (errors are data).
 */
export interface DataResponse<T> {
  data: T;
  errors: SourceErrorDTO[];
}

/** The body of a 400: which parameter was wrong and why. */
export interface BadRequestBody {
  error: { parameter: string; message: string };
}

/** The body of `GET /api/readyz`. */
export interface ReadyzResponse {
  /** False until the Kubernetes cache has attempted its first sync; the HTTP status is then 503. */
  ready: boolean;
  sources: SourceHealth[];
}

/** One namespace as the shell and the overview list it. */
export interface NamespaceSummary {
  name: string;
  /** The `istio.io/dataplane-mode` label, e.g. `ambient`; null when absent. */
  dataplaneMode: string | null;
  /** True when the namespace has sidecar injection on (`istio-injection=enabled` or `istio.io/rev`). */
  sidecarInjection: boolean;
  /** The `istio.io/use-waypoint` label; null when absent. */
  waypoint: string | null;
  /** Pods in the namespace, from the watch cache. */
  pods: number;
}
