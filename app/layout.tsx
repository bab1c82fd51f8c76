import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { AnonymousBanner } from '@/components/layout/anonymous-banner';
import { AppHeader } from '@/components/layout/app-header';
import { Providers } from '@/components/layout/providers';
import { SourceBanner } from '@/components/layout/source-banner';
import { THEME_BOOT_SCRIPT } from '@/components/layout/theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: 'MeshLens',
  description: 'A control plane for Istio service meshes, ambient mode first.',
};

export default function RootLayout({ children }: { children: ReactNode }): ReactNode {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>
          <AppHeader />
          <AnonymousBanner />
          <Suspense>
            <SourceBanner />
          </Suspense>
          <main className="px-4 py-4">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
