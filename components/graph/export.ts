import type { GraphResponse } from '@/lib/graph/types';

/** A file name that says what and when: `meshlens-graph-bookinfo-2026-06-01T03-00-00Z.png`. */
export function exportName(graph: GraphResponse, extension: 'png' | 'json'): string {
  const namespaces = graph.meta.namespaces === '*' ? 'all' : graph.meta.namespaces.join('+') || 'all';
  const end = graph.meta.end.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `meshlens-graph-${namespaces}-${end}.${extension}`;
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
