'use client';

import { useCallback, useState } from 'react';

/**
 * The size of an element in CSS pixels, kept current with a ResizeObserver. Returns a callback ref to put on the
 * element; the size is 0×0 until it is laid out.
 */
export function useElementSize<E extends HTMLElement>(): {
  ref: (element: E | null) => void;
  width: number;
  height: number;
} {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const ref = useCallback((element: E | null) => {
    if (!element) return undefined;
    const measure = (): void => {
      const { clientWidth: width, clientHeight: height } = element;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // React 19 calls a callback ref's returned function when the element goes away.
    return () => observer.disconnect();
  }, []);
  return { ref, width: size.width, height: size.height };
}
