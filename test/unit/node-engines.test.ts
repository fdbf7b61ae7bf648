import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver ships with npm's own tree (a dependency of many of ours); only `satisfies` is needed.
const semver = createRequire(import.meta.url)('semver') as { satisfies: (v: string, range: string) => boolean };

type LockEntry = { readonly engines?: { readonly node?: string } | string[] };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

/**
 * Packages whose declared Node range is narrower than ours, and why that is harmless here
 * (the README's "Node version" section says the same in words).
 */
const HARMLESS: Record<string, string> = {
  // Electron's binary download and electron-builder's native rebuild: install-time tooling; .npmrc has
  // ignore-scripts, and packaging (tested on Node 20) uses none of their Node 22 APIs.
  'node_modules/electron': 'install script not run (ignore-scripts)',
  'node_modules/@electron/get': 'used only by electron install script',
  'node_modules/@electron-internal/extract-zip': 'used only by electron install script',
  'node_modules/@electron/rebuild': 'we have no native modules to rebuild',
  'node_modules/node-abi': 'used only by @electron/rebuild',
  // A lint dependency (eslint-plugin-regexp reads JSDoc types); eslint runs fine on Node 20.19.
  'node_modules/jsdoc-type-pratt-parser': 'lint only',
  // docx bundles its own copy of nanoid/non-secure into its dist; this package is never loaded.
  'node_modules/nanoid': 'bundled into docx, never required',
};

/** Every x.y.0 and x.y.z boundary a range could draw; enough to tell ranges of the form ^a.b.c || >=d apart. */
const PROBES = Array.from({ length: 13 }, (_, i) => 18 + i).flatMap((major) => Array.from({ length: 41 }, (_, minor) => `${major}.${minor}.0`));

const nodeRange = (e: LockEntry): string | undefined => (Array.isArray(e.engines) ? undefined : e.engines?.node);

describe('package.json engines tells the truth', () => {
  const ours = pkg.engines.node;
  const allowed = PROBES.filter((v) => semver.satisfies(v, ours));

  it('every Node version our engines allow is allowed by every installed package (but the harmless ones)', () => {
    expect(allowed.length).toBeGreaterThan(0);
    const narrower = Object.entries(lock.packages)
      .filter(([path, e]) => path && nodeRange(e) && !(path in HARMLESS))
      .filter(([, e]) => allowed.some((v) => !semver.satisfies(v, nodeRange(e)!)))
      .map(([path, e]) => `${path} wants ${nodeRange(e)}, ours allows ${allowed.find((v) => !semver.satisfies(v, nodeRange(e)!))}`);
    expect(narrower).toEqual([]);
  });

  it('the harmless list names only packages that really are narrower (it cannot go stale)', () => {
    const stale = Object.keys(HARMLESS).filter((path) => {
      const range = lock.packages[path] && nodeRange(lock.packages[path]);
      return !range || allowed.every((v) => semver.satisfies(v, range));
    });
    expect(stale).toEqual([]);
  });

  it('package-lock.json records the same range (npm ci compares them)', () => {
    expect(nodeRange(lock.packages['']!)).toBe(ours);
  });

  it('the Node this test runs on is one we support', () => {
    expect(semver.satisfies(process.versions.node, ours)).toBe(true);
  });
});
