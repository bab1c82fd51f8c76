import { describe, expect, it } from 'vitest';
import { parseIstioDuration } from './duration';
import { fqdnOf, hostCoversService, serviceOfFqdn } from './host';
import { portProtocol, type PortProtocol, type ServicePortLike } from './protocol';
import { cidrMatch, hostMatch, wildcardMatch } from './string-match';

describe('portProtocol (Service port name or appProtocol)', () => {
  const rows: [ServicePortLike, PortProtocol][] = [
    [{ name: 'http', port: 9080 }, 'http'],
    [{ name: 'tcp-db', port: 5432 }, 'tcp'],
    [{ name: 'tcp', port: 5432 }, 'tcp'],
    [{ name: 'grpc-api', port: 9090 }, 'grpc'],
    [{ name: 'grpc', port: 9090 }, 'grpc'],
    [{ name: 'http2', port: 80 }, 'http'],
    [{ name: 'mysql', port: 3306 }, 'tcp'],
    [{ name: 'web', port: 8080 }, 'http'],
    [{ port: 8080 }, 'http'],
    [{ name: 'http', port: 5432, appProtocol: 'tcp' }, 'tcp'],
    [{ name: 'db', port: 9090, appProtocol: 'grpc' }, 'grpc'],
    [{ name: 'httpsomething', port: 1 }, 'http'],
  ];
  it.each(rows)('%j is %s', (port, protocol) => expect(portProtocol(port)).toBe(protocol));
});

describe('hosts', () => {
  it.each([
    ['reviews', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.bookinfo', 'other', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.bookinfo.svc', 'other', 'reviews.bookinfo.svc.cluster.local'],
    ['Reviews.Bookinfo.svc.cluster.local', 'other', 'reviews.bookinfo.svc.cluster.local'],
    ['www.example.com', 'other', 'www.example.com'],
  ])('%s written in %s is %s', (host, ns, fqdn) => expect(fqdnOf(host, ns)).toBe(fqdn));

  it('parses Services out of FQDNs and covers them with wildcards', () => {
    expect(serviceOfFqdn('reviews.bookinfo.svc.cluster.local')).toEqual({
      name: 'reviews',
      namespace: 'bookinfo',
    });
    expect(serviceOfFqdn('www.example.com')).toBeUndefined();
    expect(
      hostCoversService('*.bookinfo.svc.cluster.local', 'x', { namespace: 'bookinfo', name: 'reviews' }),
    ).toBe(true);
    expect(
      hostCoversService('*.other.svc.cluster.local', 'x', { namespace: 'bookinfo', name: 'reviews' }),
    ).toBe(false);
  });
});

describe('durations', () => {
  it.each([
    ['10s', 10_000],
    ['1.5s', 1_500],
    ['100ms', 100],
    ['1h30m', 5_400_000],
    ['250us', 0.25],
  ])('%s is %d ms', (text, ms) => expect(parseIstioDuration(text)).toBe(ms));
  it.each(['', '10', '-1s', '5 s', '1d'])('%j is not a duration', (text) =>
    expect(parseIstioDuration(text)).toBeUndefined(),
  );
});

describe('Istio string and IP matching', () => {
  it.each([
    ['*', 'x', true],
    ['*', '', false],
    ['cluster.local/ns/a/*', 'cluster.local/ns/a/sa/b', true],
    ['*/sa/b', 'cluster.local/ns/a/sa/b', true],
    ['exact', 'exactly', false],
  ])('wildcard %s vs %s', (pattern, value, expected) => expect(wildcardMatch(pattern, value)).toBe(expected));
  it.each([
    ['10.0.0.0/8', '10.4.5.6', true],
    ['10.0.0.0/16', '10.1.0.1', false],
    ['10.0.0.7', '10.0.0.7', true],
    ['0.0.0.0/0', '192.168.1.1', true],
    ['10.0.0.0/8', undefined, false],
  ])('cidr %s contains %s', (block, ip, expected) => expect(cidrMatch(block, ip)).toBe(expected));
  it('matches hosts case-insensitively with or without the port', () => {
    expect(hostMatch('reviews.bookinfo.svc.cluster.local', 'Reviews.bookinfo.svc.cluster.local:9080')).toBe(
      true,
    );
    expect(hostMatch('*.bookinfo.svc.cluster.local', 'ratings.bookinfo.svc.cluster.local')).toBe(true);
    expect(hostMatch('ratings', 'reviews')).toBe(false);
  });
});
