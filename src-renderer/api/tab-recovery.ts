/**
 * The web build's recovery copies in localStorage, one per tab. localStorage is shared by every tab of the site: with
 * one key, two reports open in two tabs overwrote each other's copy, a new tab was offered (and, declined, deleted)
 * the copy of a report still open in another tab, and saving in one tab deleted the other's.
 *
 * Each page holds a Web Lock named after its key for as long as it lives, so a copy whose lock is held belongs to an
 * open tab and is left alone; a copy nobody holds was left by a tab that closed unsaved. Without Web Locks (a page
 * served over plain http from an intranet host is no secure context) every other tab's copy counts as left behind.
 */
const PREFIX = 'disclosure-report:recovery';

/** This page's key: a reload is a new page, so the copy of the page before it is offered like any left behind. */
export const ownRecoveryKey = `${PREFIX}:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

type LockManagerLike = {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
};
// (no navigator where the web build's api is loaded outside a page, as in the unit tests of the three hosts)
const locks = (): LockManagerLike | undefined => (typeof navigator === 'undefined' ? undefined : (navigator as unknown as { locks?: LockManagerLike }).locks);

// held until the page goes away
void locks()
  ?.request(ownRecoveryKey, () => new Promise<void>(() => undefined))
  .catch(() => undefined);

const heldKeys = async (): Promise<ReadonlySet<string>> => {
  try {
    const state = await locks()?.query();
    return new Set((state?.held ?? []).map((l) => l.name ?? ''));
  } catch {
    return new Set();
  }
};

/** Copies left by tabs that are gone (the key of one copy written before copies were per tab included). */
export const orphanRecoveryKeys = async (): Promise<string[]> => {
  const held = await heldKeys();
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && (k === PREFIX || k.startsWith(`${PREFIX}:`)) && k !== ownRecoveryKey && !held.has(k)) keys.push(k);
    }
  } catch {
    // storage disabled: nothing was kept
  }
  return keys.sort();
};

export const isRecoveryKey = (id: string): boolean => id === PREFIX || id.startsWith(`${PREFIX}:`);
