/**
 * What of the config list a viewer may see (pure): an object only where they may list its kind in its namespace,
 * as `kubectl get` would show it. Findings stay as linted over the whole cluster (a VirtualService routing to a
 * Service elsewhere is judged on the truth). A viewer who sees everything gets the answer itself.
 */
import type { DataResponse } from '@/lib/api/dto';
import type { Visibility } from '@/lib/auth/visibility';
import { watchedRowOf } from '@/lib/config/kinds';
import type { ConfigObjectSummary } from '@/lib/config/types';

/** True when the viewer may list the row's kind in its namespace. */
export function seesConfigObject(row: ConfigObjectSummary, visibility: Visibility): boolean {
  return visibility.mayList(watchedRowOf(row.kind), row.namespace);
}

/** The config list with the objects the viewer may list (order and errors unchanged). */
export function visibleConfigObjects(
  answer: DataResponse<ConfigObjectSummary[]>,
  visibility: Visibility,
): DataResponse<ConfigObjectSummary[]> {
  if (visibility.all) return answer;
  return { ...answer, data: answer.data.filter((row) => seesConfigObject(row, visibility)) };
}
