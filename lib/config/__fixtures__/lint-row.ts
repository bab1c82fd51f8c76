import type { KubeObject } from '@/lib/kube/object';
import type { LintContext } from '../lint/types';
import { bookinfoContext } from './cluster';

/**
 * One row of the lint table: the rule's code, the case, the object, the snapshot, and the findings of that code
 * expected as [path, message pattern] (`[]`: the rule stays silent).
 */
export type LintRow = [
  code: string,
  name: string,
  object: KubeObject,
  context: LintContext,
  expected: [string, RegExp][],
];

/** Bookinfo in ambient behind its namespace waypoint, payments in ambient without one, legacy on sidecars. */
export const BOOKINFO = bookinfoContext();

/** A target reference to the reviews Service (a policy its waypoint enforces). */
export const REVIEWS_TARGET = [{ kind: 'Service', group: '', name: 'reviews' }];
