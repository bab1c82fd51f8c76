/** Sentences the forms show, in one place. */

/** Under the VirtualService's hosts. */
export const VS_ROUTE_HINT =
  'Routes are tried in order: the first whose conditions match takes the request. In ambient, a VirtualService takes effect only in a waypoint serving the host.';

/** What a policy's rules mean, by action (none written: ALLOW). */
export function rulesHint(action: string, rules: number): string {
  const allow = action === '' || action === 'ALLOW';
  if (rules === 0) {
    return allow
      ? 'No rules: an ALLOW policy without rules matches nothing, so every request it covers is denied.'
      : 'No rules: this policy matches nothing.';
  }
  return 'Rules are OR-ed: a request matches when one rule matches. Within a rule, from, to and when must all hold; an empty rule matches every request.';
}
