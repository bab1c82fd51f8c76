'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { tracePath, type TracePath } from '@/lib/graph/trace-path';
import type { GraphResponse } from '@/lib/graph/types';
import { traceQuery } from '@/lib/queries/traces';
import { traceCalls, type TraceCall } from '@/lib/traces/hops';
import type { Trace } from '@/lib/traces/types';

/** A trace drawn on the graph, as the page needs it. */
export interface TraceOnGraph {
  /** The trace, once read. */
  trace: Trace | null;
  /** Its calls, in waterfall order. */
  calls: TraceCall[];
  /** Where they are in the current graph; null until both the trace and the graph are there. */
  path: TracePath | null;
  /** Why the trace could not be read, if it could not. */
  error: string | null;
  pending: boolean;
}

/** Reads the trace with this ID (none when empty) and finds its calls in the graph answer. */
export function useTracePath(traceId: string, graph: GraphResponse | undefined): TraceOnGraph {
  const query = useQuery({ ...traceQuery(traceId), enabled: traceId !== '' });
  const trace = traceId === '' ? null : (query.data?.data ?? null);
  const calls = useMemo(() => (trace ? traceCalls(trace) : []), [trace]);
  const path = useMemo(() => (trace && graph ? tracePath(calls, graph) : null), [trace, calls, graph]);
  return {
    trace,
    calls,
    path,
    error: traceId !== '' && query.isError ? query.error.message : null,
    pending: traceId !== '' && query.isPending,
  };
}
