import { queryOptions } from '@tanstack/react-query';
import type { DataResponse } from '@/lib/api/dto';
import { fetchJson } from '@/lib/api/fetch-json';
import type { ConfigObjectSummary } from '@/lib/config/types';

/** Query keys of the config list: every one, and one namespace selection's (by its query string). */
export const configKeys = {
  all: ['config-objects'] as const,
  of: (search: string) => ['config-objects', search] as const,
};

/** The query string of the config list for the shell's namespaces (none selected: every namespace). */
export function configSearchParams(namespaces: readonly string[]): string {
  return new URLSearchParams({ namespaces: namespaces.length === 0 ? '*' : namespaces.join(',') }).toString();
}

/** Every configuration object of the namespaces with its findings, refreshed every `refreshMs` (0: never). */
export function configObjectsQuery(namespaces: readonly string[], refreshMs: number) {
  const search = configSearchParams(namespaces);
  return queryOptions({
    queryKey: configKeys.of(search),
    queryFn: ({ signal }) =>
      fetchJson<DataResponse<ConfigObjectSummary[]>>(`/api/config/objects?${search}`, { signal }),
    refetchInterval: refreshMs > 0 ? refreshMs : false,
  });
}
