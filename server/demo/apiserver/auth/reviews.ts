/**
 * The answers to review objects (pure), as kube-apiserver gives them: SelfSubjectAccessReview and
 * SubjectAccessReview (may this user do this?), SelfSubjectRulesReview (what may I do in this namespace?),
 * SelfSubjectReview (who am I?) and TokenReview (whose token is this?). A review is echoed back with its `status`.
 */
import { type ApiError, type StatusCause, badRequest, invalid } from '../status';
import { type KubeObject, isPlainObject } from '../types';
import { type Attributes } from './attributes';
import { type Authorizer } from './authorizer';
import { type UserInfo } from './user';

/** What answering a review needs. */
export interface ReviewContext {
  /** Who asks (after impersonation). */
  user: UserInfo;
  authorizer: Authorizer;
  /** The user a bearer token authenticates as, or undefined (TokenReview). */
  authenticateToken(token: string): UserInfo | undefined;
}

type Json = Record<string, unknown>;

const AUTHORIZATION = 'authorization.k8s.io';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function specOf(review: KubeObject): Json {
  return isPlainObject(review['spec']) ? review['spec'] : {};
}

function refuse(kind: string, plural: string, cause: StatusCause): ApiError {
  return invalid({ group: AUTHORIZATION, plural, kind }, '', [cause]);
}

/** The attributes of an access review's spec: exactly one of `resourceAttributes` and `nonResourceAttributes`. */
export function accessReviewAttributes(kind: string, plural: string, spec: Json): Attributes {
  const resource = spec['resourceAttributes'];
  const nonResource = spec['nonResourceAttributes'];
  if (isPlainObject(resource) && isPlainObject(nonResource)) {
    throw refuse(kind, plural, {
      reason: 'FieldValueInvalid',
      message: 'Invalid value: cannot be specified in combination with resourceAttributes',
      field: 'spec.nonResourceAttributes',
    });
  }
  if (isPlainObject(resource)) {
    return {
      resourceRequest: true,
      verb: text(resource['verb']),
      apiGroup: text(resource['group']),
      resource: text(resource['resource']),
      subresource: text(resource['subresource']),
      namespace: text(resource['namespace']),
      name: text(resource['name']),
    };
  }
  if (isPlainObject(nonResource))
    return { resourceRequest: false, verb: text(nonResource['verb']), path: text(nonResource['path']) };
  throw refuse(kind, plural, {
    reason: 'FieldValueRequired',
    message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    field: 'spec.resourceAttributes',
  });
}

function accessStatus(ctx: ReviewContext, user: UserInfo, attributes: Attributes): Json {
  const decision = ctx.authorizer.authorize(user, attributes);
  return { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
}

/** The user a SubjectAccessReview asks about (`spec.user`, `spec.groups`, `spec.uid`, `spec.extra`). */
function subjectOf(spec: Json): UserInfo {
  const user = text(spec['user']);
  const groups = strings(spec['groups']);
  if (user === '' && groups.length === 0) {
    throw refuse('SubjectAccessReview', 'subjectaccessreviews', {
      reason: 'FieldValueInvalid',
      message: 'Invalid value: "": at least one of user or group must be specified',
      field: 'spec.user',
    });
  }
  const uid = text(spec['uid']);
  return { username: user, groups, ...(uid ? { uid } : {}) };
}

function userInfoJson(user: UserInfo): Json {
  return {
    username: user.username,
    ...(user.uid ? { uid: user.uid } : {}),
    groups: [...user.groups],
    ...(user.extra ? { extra: user.extra } : {}),
  };
}

type Answer = (review: KubeObject, ctx: ReviewContext) => Json;

const ANSWERS: Readonly<Record<string, Answer>> = {
  SelfSubjectAccessReview: (review, ctx) =>
    accessStatus(
      ctx,
      ctx.user,
      accessReviewAttributes('SelfSubjectAccessReview', 'selfsubjectaccessreviews', specOf(review)),
    ),
  SubjectAccessReview: (review, ctx) => {
    const spec = specOf(review);
    const subject = subjectOf(spec);
    return accessStatus(
      ctx,
      subject,
      accessReviewAttributes('SubjectAccessReview', 'subjectaccessreviews', spec),
    );
  },
  SelfSubjectRulesReview: (review, ctx) => {
    const namespace = text(specOf(review)['namespace']);
    if (namespace === '') throw badRequest('no namespace on request');
    return { ...ctx.authorizer.rulesFor(ctx.user, namespace) };
  },
  SelfSubjectReview: (_review, ctx) => ({ userInfo: userInfoJson(ctx.user) }),
  TokenReview: (review, ctx) => {
    const token = text(specOf(review)['token']);
    if (token === '') throw badRequest('token is required for TokenReview in authentication.k8s.io');
    const user = ctx.authenticateToken(token);
    return user ? { authenticated: true, user: userInfoJson(user) } : { authenticated: false };
  },
};

/** The review with its `status` filled in; throws a 400 or 422 ApiError for a malformed one. */
export function answerReview(review: KubeObject, ctx: ReviewContext): KubeObject {
  const answer = ANSWERS[review.kind ?? ''];
  if (!answer) throw badRequest(`${review.kind ?? 'this kind'} is not a review this server answers`);
  return { ...review, status: answer(review, ctx) };
}
