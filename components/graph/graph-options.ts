import type { GraphLayers, GraphType } from '@/lib/graph/types';
import type { LabelMode } from '@/lib/graph/view';

/**
 * The graph page's own options, kept in the URL beside the shell's view state so that a shared link shows the same
 * picture: `?type=app&layers=l7&waypoints=hide&label=errors&find=…&hide=…&anim=1&trace=…`. Defaults are left out.
 */
export interface GraphOptions {
  graphType: GraphType;
  layers: GraphLayers;
  showWaypoints: boolean;
  labelMode: LabelMode;
  find: string;
  hide: string;
  animate: boolean;
  /** A trace ID to draw on the graph (`?trace=`), or empty. */
  trace: string;
}

export const DEFAULT_GRAPH_OPTIONS: GraphOptions = {
  graphType: 'workload',
  layers: 'both',
  showWaypoints: true,
  labelMode: 'rps',
  find: '',
  hide: '',
  animate: false,
  trace: '',
};

export const GRAPH_TYPES: GraphType[] = ['workload', 'app', 'service'];
export const LAYERS: GraphLayers[] = ['both', 'l7', 'l4'];
export const LABEL_MODES: LabelMode[] = ['rps', 'errors', 'p95', 'mtls', 'none'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** Reads the options from the query; unknown values fall back to the defaults so that a hand-edited link opens. */
export function readGraphOptions(params: URLSearchParams): GraphOptions {
  const d = DEFAULT_GRAPH_OPTIONS;
  return {
    graphType: oneOf(params.get('type'), GRAPH_TYPES, d.graphType),
    layers: oneOf(params.get('layers'), LAYERS, d.layers),
    showWaypoints: params.get('waypoints') !== 'hide',
    labelMode: oneOf(params.get('label'), LABEL_MODES, d.labelMode),
    find: params.get('find') ?? '',
    hide: params.get('hide') ?? '',
    animate: params.get('anim') === '1',
    trace: params.get('trace')?.trim() ?? '',
  };
}

/** Writes the options into a copy of `params`, leaving every other parameter alone. */
export function writeGraphOptions(params: URLSearchParams, options: GraphOptions): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string): void => {
    if (value === fallback) next.delete(key);
    else next.set(key, value);
  };
  const d = DEFAULT_GRAPH_OPTIONS;
  set('type', options.graphType, d.graphType);
  set('layers', options.layers, d.layers);
  set('waypoints', options.showWaypoints ? 'show' : 'hide', 'show');
  set('label', options.labelMode, d.labelMode);
  set('find', options.find.trim(), '');
  set('hide', options.hide.trim(), '');
  set('anim', options.animate ? '1' : '0', '0');
  set('trace', options.trace.trim(), '');
  return next;
}
