import { describe, expect, it } from 'vitest';
import { SERVICE_PALETTE, serviceColor } from './service-colors';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('SERVICE_PALETTE', () => {
  it('has about a dozen distinct #rrggbb colours', () => {
    expect(SERVICE_PALETTE.length).toBe(12);
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    for (const colour of SERVICE_PALETTE) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each([
    ['the light background', '#ffffff'],
    ['the dark background (slate-900)', '#0f172a'],
  ])('every colour has at least 3:1 contrast against %s', (_, background) => {
    for (const colour of SERVICE_PALETTE) expect(contrast(colour, background)).toBeGreaterThanOrEqual(3);
  });
});

describe('serviceColor', () => {
  const services = [
    'productpage.bookinfo',
    'reviews.bookinfo',
    'ratings.bookinfo',
    'details.bookinfo',
    'waypoint.bookinfo',
    'istio-ingressgateway.istio-system',
    '',
    'ünïcødé-service',
  ];

  it.each(services)('gives %j a palette colour, the same every time', (service) => {
    const colour = serviceColor(service);
    expect(SERVICE_PALETTE).toContain(colour);
    expect(serviceColor(service)).toBe(colour);
  });

  it('is a pure function of the name (FNV-1a), so colours survive reloads and releases', () => {
    expect(serviceColor('reviews.bookinfo')).toBe(serviceColor(['reviews', 'bookinfo'].join('.')));
    // Pinned: changing the hash or the palette order would recolour every user's traces.
    expect(services.slice(0, 6).map(serviceColor)).toMatchInlineSnapshot(`
      [
        "#ea580c",
        "#ec4899",
        "#6366f1",
        "#0d9488",
        "#8b5cf6",
        "#4d7c0f",
      ]
    `);
  });

  it('gives the bookinfo sample’s six services six different colours', () => {
    expect(new Set(services.slice(0, 6).map(serviceColor)).size).toBe(6);
  });

  it('spreads many services over the whole palette', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1200; i++) {
      const colour = serviceColor(`service-${i}.namespace-${i % 7}`);
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
    expect(counts.size).toBe(SERVICE_PALETTE.length);
    for (const count of counts.values()) expect(count).toBeGreaterThan(50);
  });
});
