'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { safeReturnTo } from '@/lib/auth/return-to';
import { sessionQuery } from '@/lib/queries/auth';
import { TokenForm } from './token-form';

const box =
  'mx-auto mt-10 max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900';

/**
 * `/login`: why the user is here (`reason`: expired, forged, missing header; `error`: a refused OpenID sign-in) and
 * the way in for the configured strategy: a token form, the OpenID provider, or the proxy's word.
 */
export function SignInView(): ReactNode {
  const params = useSearchParams();
  const next = safeReturnTo(params.get('next'));
  const notice = params.get('error') ?? params.get('reason');
  const session = useQuery(sessionQuery());
  const strategy = session.data?.strategy;
  return (
    <div className={box}>
      <h1 className="text-lg font-semibold">Sign in to MeshLens</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        You see and change only what your own Kubernetes RBAC allows.
      </p>
      {notice && (
        <p
          role="status"
          data-testid="sign-in-reason"
          className="mt-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          {notice}
        </p>
      )}
      <div className="mt-5">
        {session.isPending && (
          <p className="text-sm text-slate-500">Reading how this dashboard signs people in…</p>
        )}
        {session.isError && <p className="text-sm text-red-700">{session.error.message}</p>}
        {strategy === 'token' && <TokenForm next={next} />}
        {strategy === 'openid' && (
          <a
            data-testid="sign-in-openid"
            href={`/api/auth/openid/login?${new URLSearchParams({ next }).toString()}`}
            className="inline-block rounded bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700"
          >
            Sign in with your identity provider
          </a>
        )}
        {strategy === 'header' && (
          <p className="text-sm">
            This dashboard is signed into by the authenticating proxy in front of it. If you see this page,
            the proxy did not say who you are: reach the dashboard through it, or ask whoever runs it.
          </p>
        )}
        {strategy === 'anonymous' && (
          <p className="text-sm">
            Nobody signs in here (anonymous access).{' '}
            <a href={next} className="text-sky-700 underline dark:text-sky-400">
              Go to the dashboard
            </a>
          </p>
        )}
      </div>
    </div>
  );
}
