import { Suspense, type ReactNode } from 'react';
import { NamespaceSelect } from './namespace-select';
import { NavLinks } from './nav-links';
import { SessionMenu } from './session-menu';
import { SignedInOnly } from './signed-in-only';
import { StatusLights } from './status-lights';
import { ThemeToggle } from './theme-toggle';
import { TimeControls } from './time-controls';

/** The top bar: product name, sections, view controls, source status lights, who is signed in and the theme switch. */
export function AppHeader(): ReactNode {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <span className="text-base font-semibold tracking-tight text-slate-900 dark:text-white">
          MeshLens
        </span>
        <SignedInOnly>
          <Suspense>
            <NavLinks />
          </Suspense>
        </SignedInOnly>
        <div className="ml-auto flex flex-wrap items-center gap-4">
          <SignedInOnly>
            <Suspense>
              <NamespaceSelect />
              <TimeControls />
              <StatusLights />
            </Suspense>
            <SessionMenu />
          </SignedInOnly>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
