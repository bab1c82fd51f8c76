'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { SIGN_IN_PATH } from '@/lib/auth/sign-in';

/** Renders its children everywhere but the sign-in page, whose visitor may not read anything yet. */
export function SignedInOnly({ children }: { children: ReactNode }): ReactNode {
  return usePathname() === SIGN_IN_PATH ? null : children;
}
