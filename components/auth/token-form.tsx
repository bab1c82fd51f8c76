'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { signInWithToken } from '@/lib/queries/auth';

/**
 * The `token` strategy's form: the pasted token goes to the server once (never kept in the page), which asks the
 * cluster whose it is; then the browser goes back to `next` with a fresh page.
 */
export function TokenForm({ next }: { next: string }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('token') as HTMLInputElement;
    setBusy(true);
    setError(null);
    const result = await signInWithToken(input.value);
    input.value = '';
    if (result.ok) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setError(result.message);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3">
      <label className="block text-sm font-medium" htmlFor="token">
        Kubernetes bearer token
      </label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        required
        data-testid="token-input"
        className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        For a service account: <code>kubectl create token NAME -n NAMESPACE</code>. The cluster checks the
        token before it is accepted; it is kept only in an encrypted cookie this page cannot read.
      </p>
      {error && (
        <p role="alert" data-testid="sign-in-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        data-testid="sign-in"
        className="rounded bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
      >
        {busy ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
