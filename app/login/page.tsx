import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { SignInView } from '@/components/auth/sign-in-view';

export const metadata: Metadata = { title: 'Sign in · MeshLens' };

export default function SignInPage(): ReactNode {
  return (
    <Suspense>
      <SignInView />
    </Suspense>
  );
}
