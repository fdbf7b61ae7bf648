// One registry of finding codes (shared/findings/codes.ts): every code the checks give is in it with a severity at
// least as high, docs/findings.md lists exactly it, the CLI prints it, and targetOf says where each finding points.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, NARRATIVE_TABLE_CODE, SEVERITY_LABEL, SEVERITY_ORDER, codeInfo, targetOf, type Finding } from '../../shared/findings';
import { createReport, type Report } from '../../shared/report';
import { evaluate } from '../../shared/rules';
import { codesTable } from '../../cli/commands/codes';
import { exportConcerns } from '../../src-renderer/store/findings';
import { CELL_IDS } from '../../shared/format/cells';
import { randomConsistentReport } from '../helpers/random-report';
import { SEED_FILES, seedReport } from '../helpers/seeds';
import { seedReportWithNarratives } from '../helpers/seed-narratives';

const broken = (r: Report): Report => ({
  ...r,
  agency: '',
  year: null,
  cells: { ...r.cells, 't3.new.natural': 999_999, 't3.granted.total': -1, 't4.review.total': 1, 't2.fees.amount': '1.2.3' },
});

const corpus = (): Finding[] => {
  const out: Finding[] = [];
  out.push(...evaluate(createReport()));
  for (const f of SEED_FILES) {
    const r = seedReportWithNarratives(f);
    out.push(...evaluate(r), ...evaluate(broken(r)));
    // last year = another seed: the cross-year checks and text reuse speak
    out.push(...evaluate(r, seedReport(SEED_FILES[(SEED_FILES.indexOf(f) + 1) % SEED_FILES.length]!)));
  }
  for (let seed = 1; seed <= 5; seed++) out.push(...evaluate(randomConsistentReport(seed)));
  return out;
};

describe('the registry of finding codes', () => {
  const findings = corpus();

  it('has every code the checks give, never less severe than the finding', () => {
    expect(findings.length).toBeGreaterThan(50);
    for (const f of findings) {
      const info = codeInfo(f.code);
      expect(info, f.code).toBeDefined();
      expect(SEVERITY_ORDER[f.severity], `${f.code} ${f.severity}`).toBeGreaterThanOrEqual(SEVERITY_ORDER[info!.severity]);
    }
    expect(new Set(FINDING_CODES.map((c) => c.code)).size).toBe(FINDING_CODES.length);
  });

  it('is the table of docs/findings.md, row for row', () => {
    const doc = readFileSync('docs/findings.md', 'utf8');
    const rows = [...doc.matchAll(/^\| `([^`]+)` \| (\S+) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([...FINDING_CODES, NARRATIVE_TABLE_CODE].map((c) => [c.code, SEVERITY_LABEL[c.severity], c.title]));
  });

  it('is what `disclosure-report codes` prints', () => {
    const table = codesTable();
    for (const c of [...FINDING_CODES, NARRATIVE_TABLE_CODE]) expect(table).toContain(c.code);
  });

  it('gives every finding a target a view can go to without reading its code or message', () => {
    const empty = evaluate(createReport());
    const of = (code: string) => targetOf(empty.find((f) => f.code === code)!);
    expect(of('AGENCY-EMPTY')).toEqual({ kind: 'header', field: 'agency' });
    expect(of('YEAR-EMPTY')).toEqual({ kind: 'header', field: 'year' });
    expect(of('NARRATIVE-EMPTY')).toEqual({ kind: 'section', section: 'overview' });
    expect(of('BLANK-CELLS').kind).toBe('cells');
    for (const f of findings) {
      const t = targetOf(f);
      if (f.narrative) expect(t).toMatchObject({ kind: 'narrative', section: f.narrative.section, start: f.narrative.start, end: f.narrative.end });
      else if (f.cells.length) expect(t).toEqual({ kind: 'cells', cells: f.cells });
      else if (f.code !== 'CHECK-FAILED') expect(t.kind, f.code).not.toBe('none');
    }
  });

  it('tells the editor what an export asks about first (blank cells, a missing agency or year), without naming codes', () => {
    const c = exportConcerns(evaluate(createReport()));
    expect(c.blankCells).toBe(CELL_IDS.length);
    expect(c.missing.map((f) => targetOf(f))).toEqual([
      { kind: 'header', field: 'agency' },
      { kind: 'header', field: 'year' },
    ]);
  });
});
