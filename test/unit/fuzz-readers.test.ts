/**
 * A few hundred seeded hostile files (test/helpers/fuzz-cases.ts) through the real open path: none
 * throws, none hangs, every refusal is a Chinese sentence (no raw parser English), and a mutation that
 * keeps the content (zip entries reordered) reads the same cells. `npm run fuzz` runs thousands in the
 * isolated reader with its limits and prints the figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openReportBytes } from '../../shared/app/open-report';
import { importReportFile } from '../../shared/import';
import { type Base, fuzzBases, fuzzCase, rawEnglish } from '../helpers/fuzz-cases';

const CASES = 200;
let bases: Base[] = [];
beforeAll(async () => {
  bases = await fuzzBases();
}, 60_000);

describe('fuzzed files', () => {
  it(`${CASES} seeded cases: no throw, no hang, Chinese refusals, content-keeping mutations read the same`, async () => {
    const problems: string[] = [];
    for (let id = 0; id < CASES; id++) {
      const c = fuzzCase(bases, 1, id);
      const t = performance.now();
      const r = await openReportBytes(c.name, c.bytes, importReportFile);
      const ms = performance.now() - t;
      const what = `case ${id} (${c.name}: ${c.mutation})`;
      // a hang guard, not a measurement (npm run fuzz measures, in the isolated reader with its 5 s limit)
      if (ms > 10_000) problems.push(`${what}: ${Math.round(ms)} ms`);
      if (!r.ok && (rawEnglish(r.message) || r.detail !== undefined)) problems.push(`${what}: ${r.message.slice(0, 160)}`);
      if (c.contentKept && c.source && (!r.ok || JSON.stringify(r.report.cells) !== JSON.stringify(c.source.cells))) problems.push(`${what}: misread`);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
