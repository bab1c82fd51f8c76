/**
 * Applies the reporter table ({@link REPORTERS}) to one flow: derives the flow's context, asks every row whether
 * its proxy sees the flow, and turns each row that does into {@link Report}s with their label sets and counts.
 */
import type { Endpoint, FlowSample } from '../model/traffic';
import { istioLabels, type IstioLabelInput } from './istio-labels';
import { REPORTERS, type ClientKind, type FlowContext, type Report, type ReportOptions } from './reports';

/** The response code Envoy counts for an attempt that a retry replaced (the server's own failure). */
export const RETRIED_ATTEMPT_CODE = '500';

function clientKind(source: Endpoint | null, options: ReportOptions): ClientKind {
  if (source === null) return 'external';
  if (source.dataplane === 'sidecar') return options.isGateway(source) ? 'gateway' : 'sidecar';
  return source.dataplane;
}

/** The facts about a flow that the reporter rows read. */
export function flowContext(flow: FlowSample, options: ReportOptions): FlowContext {
  // A fault abort happens where routing happens: at the waypoint when the flow has one, else at the client's
  // sidecar; either way the request never reaches the server.
  const faulted = flow.responseFlags.split(',').includes('FI');
  return {
    flow,
    client: clientKind(flow.source, options),
    nextHop: flow.waypoint ?? flow.destination,
    reachedServer: !faulted && !(flow.refusedBy === 'l7-policy' && flow.waypoint !== null),
    refusedAtL4: flow.refusedBy === 'ztunnel-policy' || flow.refusedBy === 'strict-mtls',
    options,
  };
}

/** Every series one flow adds to, as reports of the proxies that see it. A flow with no requests adds nothing. */
export function reportsFor(flow: FlowSample, options: ReportOptions): Report[] {
  if (!(flow.count > 0)) return [];
  const ctx = flowContext(flow, options);
  return REPORTERS.filter((row) => row.when(ctx)).flatMap((row): Report[] => {
    const base: Omit<IstioLabelInput, 'requestProtocol' | 'responseFlags'> = {
      reporter: row.reporter,
      source: row.source(ctx),
      destination: row.destination(ctx),
      service: flow.service,
      connectionSecurityPolicy: row.security(ctx),
      scrape: row.pod(ctx),
    };
    const common = { proxy: row.proxy(ctx), reporter: row.reporter, latency: flow.latency };
    const retries = row.seesRetries ? Math.max(0, flow.retries) : 0;
    const bytesFor = (requests: number): Pick<Report, 'requestBytes' | 'responseBytes'> => ({
      requestBytes: (flow.bytes.sent / flow.count) * requests,
      responseBytes: (flow.bytes.received / flow.count) * requests,
    });
    const flags = row.flags(ctx);

    if (row.layer(ctx) === 'tcp') {
      const attempts = flow.count + retries;
      const perConnection = flow.service.protocol === 'tcp' || ctx.refusedAtL4;
      const labels = istioLabels({ ...base, requestProtocol: 'tcp', responseFlags: flags });
      const closedFlags = row.closedFlags?.(ctx) ?? flags;
      const closedLabels =
        closedFlags === flags
          ? labels
          : istioLabels({ ...base, requestProtocol: 'tcp', responseFlags: closedFlags });
      return [
        {
          ...common,
          layer: 'tcp',
          labels,
          closedLabels,
          count: perConnection ? attempts : attempts / options.requestsPerConnection,
          ...bytesFor(attempts),
        },
      ];
    }

    const grpcStatus = flow.grpcStatus === undefined ? '' : String(flow.grpcStatus);
    const http = (responseCode: string, responseFlags: string, count: number): Report => ({
      ...common,
      layer: 'http',
      labels: istioLabels({
        ...base,
        requestProtocol: flow.service.protocol,
        responseFlags,
        http: { responseCode, grpcStatus },
      }),
      count,
      ...bytesFor(count),
    });
    const reports = [http(String(flow.responseCode), flags, flow.count)];
    if (retries > 0) reports.push(http(RETRIED_ATTEMPT_CODE, '-', retries));
    return reports;
  });
}
