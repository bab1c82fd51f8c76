/**
 * The view a link reproduces: which namespaces, which time window, how often to refresh. Kept in the URL query
 * (`?ns=a,b&window=5m&refresh=10s`) so that sharing the address shares the view.
 */

/** Time windows the shell offers, in seconds. */
export const WINDOWS = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '30m': 1_800,
  '1h': 3_600,
  '3h': 10_800,
  '6h': 21_600,
  '12h': 43_200,
  '24h': 86_400,
} as const;

/** Refresh intervals the shell offers, in milliseconds; `off` is 0. */
export const REFRESH_INTERVALS = { off: 0, '5s': 5_000, '10s': 10_000, '30s': 30_000, '1m': 60_000 } as const;

export type WindowKey = keyof typeof WINDOWS;
export type RefreshKey = keyof typeof REFRESH_INTERVALS;

/** The view state of the shell. An empty namespace list means every namespace. */
export interface ViewState {
  namespaces: string[];
  window: WindowKey;
  refresh: RefreshKey;
}

export const DEFAULT_VIEW: ViewState = { namespaces: [], window: '5m', refresh: '10s' };

/** A Kubernetes namespace name (RFC 1123 label). */
const namespaceName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** True when `name` is a valid Kubernetes namespace name. */
export function isNamespaceName(name: string): boolean {
  return name.length <= 63 && namespaceName.test(name);
}

/**
 * Reads the view from URL query parameters. Unknown or malformed values fall back to the defaults rather than
 * failing: a hand-edited link still opens.
 */
export function readViewState(params: URLSearchParams): ViewState {
  const windowParam = params.get('window');
  const refreshParam = params.get('refresh');
  const namespaces = (params.get('ns') ?? '')
    .split(',')
    .map((ns) => ns.trim())
    .filter(isNamespaceName);
  return {
    namespaces: [...new Set(namespaces)].sort(),
    window: windowParam !== null && windowParam in WINDOWS ? (windowParam as WindowKey) : DEFAULT_VIEW.window,
    refresh:
      refreshParam !== null && refreshParam in REFRESH_INTERVALS
        ? (refreshParam as RefreshKey)
        : DEFAULT_VIEW.refresh,
  };
}

/**
 * Writes the view into a copy of `params`, leaving other parameters alone and omitting defaults so that links
 * stay short.
 */
export function writeViewState(params: URLSearchParams, view: ViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  setOrDelete(next, 'ns', view.namespaces.join(','), '');
  setOrDelete(next, 'window', view.window, DEFAULT_VIEW.window);
  setOrDelete(next, 'refresh', view.refresh, DEFAULT_VIEW.refresh);
  return next;
}

function setOrDelete(params: URLSearchParams, key: string, value: string, fallback: string): void {
  if (value === fallback) params.delete(key);
  else params.set(key, value);
}
