import 'server-only';
import type { ProbeResult } from '@/lib/health';
import { SourceError } from '@/lib/source-error';
import { assembleTrace } from '@/lib/traces/assemble';
import { parseTraceId } from '@/lib/traces/trace-id';
import { buildTraceQL } from '@/lib/traces/traceql';
import type { Trace, TraceSummary } from '@/lib/traces/types';
import { TempoClient, type TempoConfig } from '@/server/tempo/client';
import type { TraceSearch, TraceSource } from './trace-source';

/** Tempo's own default for spans per span set. */
const DEFAULT_SPANS_PER_SPAN_SET = 3;

/** The parts of {@link TempoClient} the trace source uses; tests pass a fake. */
export type TempoApi = Pick<TempoClient, 'search' | 'trace' | 'probe'>;

/**
 * {@link TraceSource} backed by Grafana Tempo: builds TraceQL from the structured filter (every value escaped),
 * or passes a person's raw TraceQL through, and assembles traces from Tempo's spans.
 */
export class TempoTraceSource implements TraceSource {
  readonly source = 'tempo' as const;
  readonly supportsTraceQL = true;
  readonly #api: TempoApi;

  constructor(api: TempoApi) {
    this.#api = api;
  }

  /** Searches with `traceql` when given, else with the TraceQL built from `filter`; newest first. */
  async search(query: TraceSearch, signal?: AbortSignal): Promise<TraceSummary[]> {
    const raw = query.traceql?.trim() ?? '';
    const hits = await this.#api.search(
      {
        q: raw !== '' ? raw : buildTraceQL(query.filter ?? {}),
        start: query.start,
        end: query.end,
        limit: query.limit,
        spansPerSpanSet: query.spansPerSpanSet ?? DEFAULT_SPANS_PER_SPAN_SET,
      },
      signal,
    );
    return [...hits].sort((a, b) => b.startMs - a.startMs).slice(0, query.limit);
  }

  /** One trace by ID (hex or base64); `bad_query` for an ID that is neither, `not_found` for an empty answer. */
  async trace(traceId: string, signal?: AbortSignal): Promise<Trace> {
    const hex = parseTraceId(traceId);
    if (hex === null) {
      throw new SourceError(
        'tempo',
        'bad_query',
        `"${traceId.slice(0, 80)}" is not a trace ID (hex or base64)`,
      );
    }
    const answer = await this.#api.trace(hex, signal);
    if (answer.spans.length === 0)
      throw new SourceError('tempo', 'not_found', `tempo trace: no trace ${hex}`);
    return assembleTrace(hex, answer.spans, answer);
  }

  /** Tempo's echo endpoint. */
  probe(signal?: AbortSignal): Promise<ProbeResult> {
    return this.#api.probe(signal);
  }
}

/** The Tempo trace source for a configuration (usually the validated settings' `traces`). */
export function createTempoTraceSource(config: TempoConfig): TempoTraceSource {
  return new TempoTraceSource(new TempoClient(config));
}
