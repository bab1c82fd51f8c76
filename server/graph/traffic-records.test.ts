import { describe, expect, it } from 'vitest';
import { caseSamples } from './__fixtures__/cases';
import { trafficRecord, trafficRecords } from './traffic-records';

describe('trafficRecords', () => {
  it('makes one record per sample of every read, with the labels read into fields', () => {
    const samples = caseSamples('ambient-waypoint');
    const records = trafficRecords(samples);
    const count = Object.values(samples).reduce((n, list) => n + list.length, 0);
    expect(records).toHaveLength(count);
    const failed = records.find((r) => r.metric === 'requests' && r.responseCode === '503');
    expect(failed).toEqual({
      metric: 'requests',
      reporter: 'waypoint',
      source: {
        key: 'bookinfo/productpage-v1',
        workload: 'productpage-v1',
        namespace: 'bookinfo',
        app: 'productpage',
        version: 'v1',
        principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage',
      },
      destination: {
        key: 'bookinfo/reviews-v2',
        workload: 'reviews-v2',
        namespace: 'bookinfo',
        app: 'reviews',
        version: 'v2',
        principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews',
      },
      service: { host: 'reviews.bookinfo.svc.cluster.local', name: 'reviews', namespace: 'bookinfo' },
      protocol: 'http',
      responseCode: '503',
      grpcStatus: '',
      responseFlags: 'URX',
      security: 'mutual_tls',
      value: expect.closeTo(0.1, 9) as unknown,
    });
  });

  it('reads missing labels as unknown, and files protocols by the read when the label says nothing', () => {
    const bare = trafficRecord('sentBytes', { labels: { reporter: 'destination' }, value: 5 });
    expect(bare.source).toEqual({
      key: 'unknown/unknown',
      workload: 'unknown',
      namespace: 'unknown',
      app: 'unknown',
      version: 'unknown',
      principal: 'unknown',
    });
    expect(bare.service).toEqual({ host: 'unknown', name: 'unknown', namespace: 'unknown' });
    expect([bare.protocol, bare.security, bare.responseCode]).toEqual(['tcp', 'unknown', '']);
    const http2 = trafficRecord('requests', { labels: { request_protocol: 'http2' }, value: 1 });
    expect(http2.protocol).toBe('http');
    const grpc = trafficRecord('latencyP99', { labels: { request_protocol: 'grpc' }, value: Number.NaN });
    expect(grpc.protocol).toBe('grpc');
    expect(grpc.value).toBeNaN();
  });
});
