/**
 * npm run fuzz [-- --cases N --seed S]: N seeded hostile files (test/helpers/fuzz-cases.ts, default 2,000)
 * through the app's open path with the reader in its isolated worker (src-main/reader-pool.ts) and a
 * 5 s limit, so a hang is caught and counted instead of stopping the run. Prints files, crashes,
 * hangs over 5 s, memory breaches, peak heap per file, silent misreads and raw English messages,
 * each beside its target; exits 1 when a target is missed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { openReportBytes, readerStopped, type OpenOutcome } from '../shared/app/open-report';
import type { ImportResult } from '../shared/import/types';
import { ReaderPool } from '../src-main/reader-pool';
import { fuzzBases, fuzzCase, rawEnglish } from '../test/helpers/fuzz-cases';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 2000);
const SEED = arg('seed', 1);
const LIMITS = { timeoutMs: 5000, maxOldGenerationSizeMb: 512 };

// inside the repository, so the worker finds pdfjs-dist in node_modules as the app's worker does
mkdirSync('out', { recursive: true });
const dir = resolve(mkdtempSync(join('out', 'fuzz-')));
const worker = join(dir, 'fuzz-worker.cjs');
await build({
  entryPoints: ['scripts/fuzz-worker.ts'],
  outfile: worker,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['pdfjs-dist'],
  logLevel: 'silent',
});
const pool = new ReaderPool(worker, null, 2, LIMITS);
const bases = await fuzzBases();

type Read = { result: ImportResult; heapMb: number; peakMallocMb: number };
const counts = { files: 0, read: 0, refused: 0, crashes: 0, hangs: 0, memory: 0, misreads: 0, english: 0 };
let peakHeap = 0;
let slowest = 0;
const findings: string[] = [];
const started = Date.now();

const one = async (id: number) => {
  const c = fuzzCase(bases, SEED, id);
  let heap = 0;
  let stop: string | null = null;
  const reader = async (name: string, bytes: Uint8Array): Promise<ImportResult> => {
    const own = bytes.slice();
    const r = await pool.run<Read, Read | null>('read-bytes', [name, own], (b) => ((stop = b.kind), null), [own.buffer]);
    if (!r) return readerStopped({ kind: stop as 'timeout', detail: '' }, LIMITS);
    heap = r.heapMb;
    return r.result;
  };
  const t = Date.now();
  let out: OpenOutcome;
  try {
    out = await openReportBytes(c.name, c.bytes, reader);
  } catch (e) {
    counts.crashes++;
    findings.push(`crash   case ${id} ${c.name} (${c.mutation}): ${(e as Error).message}`);
    return;
  }
  const ms = Date.now() - t;
  slowest = Math.max(slowest, ms);
  peakHeap = Math.max(peakHeap, heap);
  counts.files++;
  const what = `case ${id} ${c.name} (${c.mutation})`;
  if (stop === 'timeout') {
    counts.hangs++;
    findings.push(`hang    ${what}`);
  } else if (stop === 'memory') {
    counts.memory++;
    findings.push(`memory  ${what}`);
  } else if (stop === 'crash' || (!out.ok && out.detail !== undefined)) {
    counts.crashes++;
    findings.push(`crash   ${what}: ${out.ok ? '' : out.detail}`);
  }
  if (out.ok) counts.read++;
  else counts.refused++;
  if (!out.ok && rawEnglish(out.message)) {
    counts.english++;
    findings.push(`english ${what}: ${out.message.slice(0, 200)}`);
  }
  if (c.contentKept && c.source && (!out.ok || JSON.stringify(out.report.cells) !== JSON.stringify(c.source.cells))) {
    counts.misreads++;
    findings.push(`misread ${what}`);
  }
};

// two files at a time, one per worker
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    while (next < CASES) {
      await one(next++);
      if (next % 200 === 0) process.stdout.write(`  ${next} / ${CASES}\n`);
    }
  }),
);
await pool.close();
rmSync(dir, { recursive: true, force: true });

const rows: [string, string, string, boolean][] = [
  ['files', String(counts.files), `${CASES}`, counts.files === CASES],
  ['read / refused', `${counts.read} / ${counts.refused}`, '', true],
  ['crashes', String(counts.crashes), '0', counts.crashes === 0],
  ['hangs > 5 s', String(counts.hangs), '0', counts.hangs === 0],
  ['over 512 MB (memory breach)', String(counts.memory), '0', counts.memory === 0],
  ['peak heap of a worker after a file', `${peakHeap.toFixed(0)} MB`, '≤ 512 MB', peakHeap <= 512],
  ['slowest file', `${(slowest / 1000).toFixed(2)} s`, '≤ 5 s', slowest <= 5000],
  ['silent misreads (content-keeping mutation read differently)', String(counts.misreads), '0', counts.misreads === 0],
  ['refusals with raw English', String(counts.english), '0', counts.english === 0],
];
console.log(`\nfuzz: seed ${SEED}, ${CASES} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const [what, got, target, ok] of rows)
  console.log(`  ${what.padEnd(62)} ${got.padStart(12)}  ${target ? `target ${target}` : ''.padEnd(0)}  ${ok ? 'ok' : 'MISSED'}`);
for (const f of findings.slice(0, 40)) console.log(`  ${f}`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
