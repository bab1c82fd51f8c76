/**
 * What is wrong with a waypoint, as a table of rules (style.md: declarative tables over branching): each rule looks
 * at one card and the Services it serves and says its problem in words, or nothing. Pure.
 */
import type { EffectiveWaypointRow, WaypointCard } from './views-types';

/** What the rules see about one waypoint. */
export interface WaypointProblemFacts {
  card: Omit<WaypointCard, 'problems'>;
  /** The Services and ServiceEntries it effectively serves (with their `WaypointBound` condition). */
  served: readonly EffectiveWaypointRow[];
  /** False when Deployments could not be read: a missing Deployment is then not a problem. */
  deploymentsKnown: boolean;
}

type Rule = (facts: WaypointProblemFacts) => string | readonly string[] | null;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The rules, in the order their problems are listed. */
export const WAYPOINT_PROBLEM_RULES: readonly Rule[] = [
  ({ card }) => {
    const p = card.programmed;
    if (p === null) return 'no Programmed condition yet: istiod has not reconciled it';
    if (p.status === 'True') return null;
    const why = [p.reason, p.message].filter((s) => s !== null && s !== '').join(': ');
    return `not Programmed${why ? ` (${why})` : ''}: traffic bound to it is not served`;
  },
  ({ card, deploymentsKnown }) => {
    const r = card.replicas;
    if (r === null) return deploymentsKnown ? 'no Deployment runs it' : null;
    if (r.ready === 0) return `no ready replica (0/${r.desired}): traffic bound to it fails`;
    return r.ready < r.desired ? `${r.ready}/${r.desired} replicas ready` : null;
  },
  ({ card }) =>
    card.waypointFor === 'none' ? 'waypoint-for none: it serves no traffic, whatever binds to it' : null,
  ({ card }) => {
    const ignored = card.bindings.filter((b) => !b.effective && b.kind !== 'namespace');
    if (ignored.length === 0) return null;
    const reasons = [...new Set(ignored.map((b) => b.reason))].join('; ');
    return `${plural(ignored.length, 'object')} bound by label but ${reasons}`;
  },
  ({ served }) =>
    served
      .filter((row) => row.bound?.status === 'False')
      .map((row) => {
        const why = row.bound?.reason ?? row.bound?.message ?? 'no reason given';
        return `${row.kind === 'serviceentry' ? 'ServiceEntry' : 'Service'} ${row.namespace}/${row.name}: WaypointBound False (${why})`;
      }),
  ({ card }) =>
    card.bindings.length === 0 && card.serves.services + card.serves.workloads === 0
      ? 'nothing uses it: no namespace, Service or pod names it in istio.io/use-waypoint'
      : null,
];

/** Every problem of a waypoint, in the order of {@link WAYPOINT_PROBLEM_RULES}. */
export function waypointProblems(
  card: Omit<WaypointCard, 'problems'>,
  served: readonly EffectiveWaypointRow[],
  deploymentsKnown: boolean,
): string[] {
  const facts = { card, served, deploymentsKnown };
  return WAYPOINT_PROBLEM_RULES.flatMap((rule) => {
    const found = rule(facts);
    return found === null ? [] : typeof found === 'string' ? [found] : [...found];
  });
}
