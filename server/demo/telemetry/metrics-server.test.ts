import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './metrics-server';

describe('Accept-Encoding', () => {
  it('accepts gzip when the scraper names it, or any coding, with a quality above 0', () => {
    expect(acceptsGzip('gzip')).toBe(true); // what Prometheus sends
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
  });

  it('refuses gzip when absent, refused, or only deflate is offered', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
  });
});
