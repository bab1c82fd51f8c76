import 'server-only';

/** How to reach a Prometheus-compatible API (Prometheus, Thanos, Mimir, Cortex); built by the settings module. */
export interface PrometheusConfig {
  /** The API's base URL, path prefix included (`http://host/prometheus/`); `/api/v1/…` is joined below it. */
  url: URL;
  /** Headers sent with every call: authorization, `X-Scope-OrgID` for Mimir/Cortex tenants. */
  headers: Record<string, string>;
  /** Give up on a call after this many milliseconds. Also sent to Prometheus as its query `timeout`. */
  timeoutMs: number;
}

/** Above this many characters of encoded parameters, a call is a form-encoded POST instead of a GET. */
export const MAX_GET_QUERY_LENGTH = 2000;

/**
 * `path` under the base URL, keeping the base's path prefix whether or not it ends in a slash:
 * `http://host/prometheus` + `api/v1/query` -> `http://host/prometheus/api/v1/query`. The base's query string and
 * fragment are dropped.
 */
export function apiUrl(base: URL, path: string): URL {
  const root = new URL(base.href);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  root.search = '';
  root.hash = '';
  return new URL(path.replace(/^\/+/, ''), root);
}

/** One HTTP call to the API, before it is sent. */
export interface ApiCall {
  url: URL;
  method: 'GET' | 'POST';
  /** The parameters as a form body (POST only); a GET carries them in `url`. */
  form?: URLSearchParams;
}

/**
 * A GET with the parameters in the URL, or a form-encoded POST when they are longer than `maxGetQueryLength`
 * encoded characters (URLs that long are cut or refused by proxies; the API accepts both forms).
 */
export function apiCall(
  base: URL,
  path: string,
  params: URLSearchParams,
  maxGetQueryLength: number = MAX_GET_QUERY_LENGTH,
): ApiCall {
  const url = apiUrl(base, path);
  const encoded = params.toString();
  if (encoded.length > maxGetQueryLength) return { url, method: 'POST', form: params };
  url.search = encoded;
  return { url, method: 'GET' };
}

/** A time as the API expects it: unix seconds with milliseconds, e.g. `1717000000.123`. */
export function unixSeconds(time: Date): string {
  return String(time.getTime() / 1000);
}
