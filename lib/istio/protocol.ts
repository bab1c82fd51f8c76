/** The protocol of a Service port as the mesh treats it. */
export type PortProtocol = 'http' | 'grpc' | 'tcp';

/** A Service port's fields that decide its protocol. */
export interface ServicePortLike {
  name?: string;
  port: number;
  appProtocol?: string;
}

/** `appProtocol` values (lower case), first. */
const APP_PROTOCOLS: Record<string, PortProtocol> = {
  tcp: 'tcp',
  tls: 'tcp',
  https: 'tcp',
  mongo: 'tcp',
  mysql: 'tcp',
  redis: 'tcp',
  grpc: 'grpc',
  'grpc-web': 'grpc',
  http: 'http',
  http2: 'http',
  'kubernetes.io/h2c': 'http',
};

/** Port name prefixes (`<protocol>` or `<protocol>-<suffix>`), Istio's naming convention, when no appProtocol. */
const NAME_PREFIXES: readonly [prefix: string, protocol: PortProtocol][] = [
  ['grpc-web', 'grpc'],
  ['grpc', 'grpc'],
  ['http2', 'http'],
  ['http', 'http'],
  ['tcp', 'tcp'],
  ['tls', 'tcp'],
  ['https', 'tcp'],
  ['mongo', 'tcp'],
  ['mysql', 'tcp'],
  ['redis', 'tcp'],
];

/**
 * The protocol of a Service port: its `appProtocol`, else the prefix of its name (`tcp-db` is tcp, `grpc-api` is
 * grpc), else http (the demo's traffic is HTTP wherever Istio would sniff it).
 */
export function portProtocol(port: ServicePortLike): PortProtocol {
  const app = port.appProtocol?.toLowerCase();
  const fromApp = app === undefined ? undefined : APP_PROTOCOLS[app];
  if (fromApp !== undefined) return fromApp;
  const name = (port.name ?? '').toLowerCase();
  const row = NAME_PREFIXES.find(([prefix]) => name === prefix || name.startsWith(`${prefix}-`));
  return row?.[1] ?? 'http';
}
