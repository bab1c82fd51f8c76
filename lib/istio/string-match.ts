/**
 * The value matching Istio uses in AuthorizationPolicy fields: exact, prefix (`abc*`), suffix (`*abc`) or presence
 * (`*`, any non-empty value); and CIDR blocks for IP fields.
 */

/** True when `value` matches the Istio string pattern (exact, `prefix*`, `*suffix`, or `*`). */
export function wildcardMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (pattern === '*') return value !== '';
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  return value === pattern;
}

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let result = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (part === '' || !Number.isInteger(octet) || octet < 0 || octet > 255) return undefined;
    result = result * 256 + octet;
  }
  return result;
}

/**
 * True when `ip` is inside `block` (`10.0.0.0/16`, or a single address `10.0.0.7`). IPv4 only; anything else
 * compares as text, which is enough for exact IPv6 addresses.
 */
export function cidrMatch(block: string, ip: string | undefined): boolean {
  if (ip === undefined || ip === '') return false;
  const [base = '', bitsText] = block.split('/');
  const address = ipv4ToNumber(ip);
  const network = ipv4ToNumber(base);
  if (address === undefined || network === undefined) return block === ip;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}

/** True when a Host header matches a host pattern, case-insensitively, with or without the `:port` suffix. */
export function hostMatch(pattern: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  const bare = lower.replace(/:\d+$/, '');
  const want = pattern.toLowerCase();
  return wildcardMatch(want, lower) || wildcardMatch(want, bare);
}
