import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

describe('shared/ stays pure TypeScript', () => {
  it('imports no electron, react, zustand, fs, path, child_process or other node built-in', () => {
    const forbidden = /from\s+['"](electron|react|react-dom|zustand|zundo|fs|node:[a-z_/]+|path|child_process|worker_threads|os)['"]|require\(/;
    const offenders = walk('shared').filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
