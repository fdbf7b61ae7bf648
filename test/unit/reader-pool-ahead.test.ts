/**
 * A batch sends each worker its next file before the worker has answered the last (ReaderPool depth 2, the CLI):
 * answers still come back to the right jobs, and when a worker is stopped (here: out of memory) only the file it
 * was reading is refused — the file sent ahead to it is read by a fresh worker, never refused in its place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import/types';
import { ReaderPool, type Breach } from '../../src-main/reader-pool';
import { SEED_FILES, seedText } from '../helpers/seeds';
import { buildReaderWorker } from './main-helpers/reader-worker';

let worker = '';
const pools: ReaderPool[] = [];
beforeAll(async () => {
  worker = await buildReaderWorker();
}, 60_000);
afterAll(async () => {
  for (const p of pools) await p.close();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
type Outcome = ImportResult | { breach: Breach['kind'] };
const read = (pool: ReaderPool, name: string, text: string) => pool.run<ImportResult, Outcome>('read-bytes', [name, utf8(text)], (b) => ({ breach: b.kind }));
const agencyOf = (o: Outcome) => ('ok' in o && o.ok ? o.report.agency : o);

describe('a reader pool that sends files ahead', () => {
  it('gives every file its own answer, whatever order the workers finish in', async () => {
    const pool = new ReaderPool(worker, null, 2, { timeoutMs: 30_000, maxOldGenerationSizeMb: 512 }, 2);
    pools.push(pool);
    const texts = Array.from({ length: 12 }, (_, i) => seedText(SEED_FILES[i % SEED_FILES.length]!));
    const got = await Promise.all(texts.map((t, i) => read(pool, `${i}.txt`, t)));
    const want = await Promise.all(texts.map((t, i) => read(pool, `${i}.txt`, t)));
    expect(got.map(agencyOf)).toEqual(want.map(agencyOf));
    expect(new Set(got.map(agencyOf)).size).toBe(SEED_FILES.length);
  }, 60_000);

  it('refuses only the file that broke the memory limit; the file sent ahead to the same worker reads in a fresh one', async () => {
    const pool = new ReaderPool(worker, null, 1, { timeoutMs: 30_000, maxOldGenerationSizeMb: 16 }, 2);
    pools.push(pool);
    const big = seedText(SEED_FILES[2]!).replace(/一、总体情况\n/, `一、总体情况\n${'本机关认真贯彻落实条例，'.repeat(400_000)}\n`);
    const small = seedText(SEED_FILES[0]!);
    const [a, b, c] = await Promise.all([read(pool, 'big.txt', big), read(pool, 'small.txt', small), read(pool, 'small2.txt', small)]);
    expect(a).toEqual({ breach: 'memory' });
    expect(b).toMatchObject({ ok: true });
    expect(c).toMatchObject({ ok: true });
  }, 60_000);
});
