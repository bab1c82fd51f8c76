/** Types of security-headers.js (plain JavaScript, because next.config.js imports it). */
export function securityHeaders(options: {
  dev: boolean;
  formActions?: string[];
}): { key: string; value: string }[];
export function openIdFormActions(env: Readonly<Record<string, string | undefined>>): string[];
