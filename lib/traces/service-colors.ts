/**
 * Colours for services in the trace view: each service keeps its colour across traces, pages and reloads.
 *
 * Tailwind's 500/600/700 hues chosen for a contrast of at least 3:1 (WCAG's minimum for graphics) against both
 * the light background (white) and the dark one (slate-900, `#0f172a`). Reds are left out: red means error.
 */
export const SERVICE_PALETTE: readonly string[] = [
  '#3b82f6', // blue-500
  '#0d9488', // teal-600
  '#8b5cf6', // violet-500
  '#d97706', // amber-600
  '#ec4899', // pink-500
  '#0891b2', // cyan-600
  '#4d7c0f', // lime-700
  '#6366f1', // indigo-500
  '#ea580c', // orange-600
  '#059669', // emerald-600
  '#d946ef', // fuchsia-500
  '#a16207', // yellow-700
];

/**
 * The service's colour (`#rrggbb`) from {@link SERVICE_PALETTE}, by a hash of its name: FNV-1a (32 bits) finished
 * with MurmurHash3's `fmix32`, so that every bit of the name moves the palette index. With it, Istio's bookinfo
 * sample (`productpage`, `reviews`, `ratings`, `details`, its waypoint and the ingress gateway) gets six colours.
 */
export function serviceColor(service: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return SERVICE_PALETTE[(hash >>> 0) % SERVICE_PALETTE.length] ?? '#64748b';
}
