/**
 * Links to the namespace and workload pages and from them to the graph, each keeping the shell's view (window,
 * refresh, namespaces) so that following one shows the same window. Pure.
 */
import { writeViewState, type ViewState } from '@/lib/view-state';

function withView(path: string, view: ViewState): string {
  const query = writeViewState(new URLSearchParams(), view).toString();
  return query === '' ? path : `${path}?${query}`;
}

/** `/mesh/namespaces/<ns>` with the view. */
export function namespaceHref(namespace: string, view: ViewState): string {
  return withView(`/mesh/namespaces/${encodeURIComponent(namespace)}`, view);
}

/** `/mesh/workloads/<ns>/<name>` with the view. */
export function workloadHref(namespace: string, name: string, view: ViewState): string {
  return withView(`/mesh/workloads/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`, view);
}

/**
 * The graph of the namespace (`/graph?ns=<ns>`), with the workload found when one is given
 * (`&find=name%20%3D%20<workload>`, percent-encoded so that it reads the same in any URL parser); the rest of the
 * view (window, refresh) kept.
 */
export function graphOfHref(view: ViewState, namespace: string, workload?: string): string {
  const graph = withView('/graph', { ...view, namespaces: [namespace] });
  return workload === undefined ? graph : `${graph}&find=${encodeURIComponent(`name = ${workload}`)}`;
}
