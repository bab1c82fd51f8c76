'use client';

import type { ReactNode } from 'react';

/** The script that applies the saved theme before first paint, so the page does not flash. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;

/** Switches between light and dark themes and remembers the choice in this browser. */
export function ThemeToggle(): ReactNode {
  const toggle = (): void => {
    const dark = document.documentElement.classList.toggle('dark');
    try {
      localStorage.setItem('theme', dark ? 'dark' : 'light');
    } catch {
      // Private mode may refuse storage; the toggle still works for this page.
    }
  };
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      onClick={toggle}
      aria-label="Switch between light and dark theme"
      className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
    >
      <span className="dark:hidden">Dark</span>
      <span className="hidden dark:inline">Light</span>
    </button>
  );
}
