'use client';

import { useSyncExternalStore } from 'react';
import type { Theme } from '@/lib/graph/stylesheet';

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/** The page's theme, following the `dark` class that the shell's theme switch toggles on `<html>`. */
export function useTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light'),
    () => 'light',
  );
}
