/**
 * A store selector returning a flat record of primitives, re-rendering only when one field changes.
 * (zustand's useShallow builds Maps of entries on every comparison: too slow for 200 cells per keystroke.)
 */
import { useRef } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';

const sameFlat = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  for (const k in a) if (!Object.is(a[k], b[k])) return false;
  return true;
};

export const useFlat = <S, T extends Record<string, unknown>>(store: UseBoundStore<StoreApi<S>>, selector: (s: S) => T): T => {
  const prev = useRef<T | null>(null);
  return store((s) => {
    const next = selector(s);
    const p = prev.current;
    if (p !== null && sameFlat(p, next)) return p;
    prev.current = next;
    return next;
  });
};
