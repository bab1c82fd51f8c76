import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Identity } from '@/lib/auth/types';
import { isSourceError } from '@/lib/source-error';
import { kubeConfigWithToken } from '@/server/kube/transport';
import { kubeRest } from '@/server/write/kube-rest';

/**
 * The `token` strategy's sign-in: the pasted Kubernetes bearer token is accepted only once the cluster itself says
 * whose it is (SelfSubjectReview, `authentication.k8s.io/v1`, Kubernetes 1.28+).
 */

/** The longest token accepted (service account tokens are ~1 KB, OIDC ID tokens a few KB). */
export const MAX_TOKEN_LENGTH = 16 * 1024;

/** Why a token cannot be used, in words for the sign-in page; null when it looks like a token. */
export function tokenShapeProblem(token: string): string | null {
  if (token === '') return 'paste a Kubernetes bearer token';
  if (token.length > MAX_TOKEN_LENGTH) return `the token is longer than ${MAX_TOKEN_LENGTH} characters`;
  if (!/^[\x21-\x7e]+$/.test(token)) return 'the token has spaces or characters a bearer token cannot have';
  return null;
}

/** Asks the cluster who `token` belongs to. */
export async function identityOfToken(
  dashboard: KubeConfig,
  token: string,
): Promise<{ ok: true; identity: Identity } | { ok: false; message: string }> {
  try {
    const answer = await kubeRest(kubeConfigWithToken(dashboard, token)).create(
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      'token review',
    );
    const info = ((answer.status ?? {}) as { userInfo?: { username?: unknown; groups?: unknown } }).userInfo;
    if (typeof info?.username !== 'string' || info.username === '') {
      return { ok: false, message: 'the cluster did not say whose token this is' };
    }
    const groups = Array.isArray(info.groups)
      ? info.groups.filter((g): g is string => typeof g === 'string')
      : [];
    return { ok: true, identity: { user: info.username, groups } };
  } catch (error) {
    if (isSourceError(error) && error.kind === 'unauthorized') {
      return {
        ok: false,
        message: 'the cluster rejected this token (401 Unauthorized): it is wrong or has expired',
      };
    }
    if (isSourceError(error) && error.kind === 'not_found') {
      return {
        ok: false,
        message:
          'the cluster cannot say whose token this is (SelfSubjectReview needs Kubernetes 1.28 or later)',
      };
    }
    throw error;
  }
}
