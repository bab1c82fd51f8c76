import type { ReactNode } from 'react';
import { istioFactRows, istioSpanFacts } from '@/lib/traces/istio-span';
import type { Attributes, Span } from '@/lib/traces/types';
import { formatClock, formatDuration, formatOffset } from './format';
import { FactList, SectionHeading, ServiceName } from './parts';

const KIND_TEXT: Readonly<Record<Span['kind'], string>> = {
  server: 'Server',
  client: 'Client',
  internal: 'Internal',
  producer: 'Producer',
  consumer: 'Consumer',
  unspecified: 'Unspecified',
};

/** Attributes as a key/value table sorted by key; long values wrap. */
function AttributeTable({ attributes, testId }: { attributes: Attributes; testId: string }): ReactNode {
  const entries = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <table data-testid={testId} className="w-full table-fixed text-xs">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
            <th
              scope="row"
              className="w-2/5 py-0.5 pr-2 text-left font-normal break-all text-slate-500 dark:text-slate-400"
            >
              {key}
            </th>
            <td className="py-0.5 font-mono break-all">{String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Status({ span }: { span: Span }): ReactNode {
  const { code, message } = span.status;
  return (
    <span className={code === 'error' ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
      {code}
      {message ? <span className="block font-normal break-words">{message}</span> : null}
    </span>
  );
}

/**
 * Everything about one span: what it was, when, how it ended; what Istio's attributes say about the hop (proxy,
 * source and destination workloads, upstream cluster, response flags in words); then every attribute, the
 * resource's attributes and the events.
 */
export function SpanDetails({ span, traceStartMs }: { span: Span; traceStartMs: number }): ReactNode {
  const istio = istioFactRows(istioSpanFacts(span));
  return (
    <div data-testid="span-details">
      <h2 className="text-base font-semibold break-all" data-testid="span-details-name">
        {span.name || '(no name)'}
      </h2>
      <ServiceName service={span.service} className="text-sm" />
      <div className="mt-3">
        <FactList
          testId="span-facts"
          rows={[
            ['Kind', KIND_TEXT[span.kind]],
            ['Status', <Status key="status" span={span} />],
            ['Start', `${formatOffset(span.startMs - traceStartMs)} (${formatClock(span.startMs)})`],
            ['Duration', formatDuration(span.durationMs)],
            [
              'Span ID',
              <code key="id" className="font-mono text-xs">
                {span.spanId}
              </code>,
            ],
            [
              'Parent',
              span.parentSpanId ? (
                <code key="parent" className="font-mono text-xs">
                  {span.parentSpanId}
                </code>
              ) : (
                'none (root)'
              ),
            ],
          ]}
        />
      </div>
      {istio.length > 0 && (
        <>
          <SectionHeading>Istio</SectionHeading>
          <FactList testId="span-istio" rows={istio.map((row) => [row.label, row.value])} />
        </>
      )}
      <SectionHeading>Attributes</SectionHeading>
      <AttributeTable attributes={span.attributes} testId="span-attributes" />
      <SectionHeading>Resource</SectionHeading>
      <AttributeTable attributes={span.resource} testId="span-resource" />
      <SectionHeading>Events</SectionHeading>
      {span.events.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ol data-testid="span-events" className="space-y-2 text-sm">
          {span.events.map((event, i) => (
            <li key={`${event.timeUnixNano}-${i}`}>
              <p>
                <span className="text-slate-500 tabular-nums">
                  {formatOffset(event.timeMs - traceStartMs)}
                </span>{' '}
                <span className="font-medium">{event.name}</span>
              </p>
              {Object.keys(event.attributes).length > 0 && (
                <AttributeTable attributes={event.attributes} testId="span-event-attributes" />
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
