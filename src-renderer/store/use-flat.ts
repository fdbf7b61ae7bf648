/**
 * A store selector producing a flat record of primitives, re-rendering only when one field changes.
 * Every store change runs the selectors of all 200 cells, so this one allocates nothing unless its
 * cell's record really changed: fill() writes into a scratch record, which becomes the new snapshot
 * only when it differs from the last one. (zustand's useShallow builds Maps of entries on every
 * comparison: too slow for 200 cells per keystroke.)
 */
import { useRef } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';

const sameFlat = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  for (const k in a) if (!Object.is(a[k], b[k])) return false;
  return true;
};

export const useFlat = <S, T extends Record<string, unknown>>(store: UseBoundStore<StoreApi<S>>, fill: (s: S, out: T) => void): Readonly<T> => {
  const last = useRef<T | null>(null);
  const scratch = useRef<T>({} as T);
  return store((s) => {
    const out = scratch.current;
    fill(s, out);
    const p = last.current;
    if (p !== null && sameFlat(out, p)) return p;
    last.current = out;
    scratch.current = {} as T;
    return out;
  });
};
