/**
 * A Word file made by another program: each seed is written as an HTML page with rowspan/colspan
 * tables (as a clerk's web page would be), LibreOffice converts it to .docx (gridSpan/vMerge of its
 * own making), and our reader must get back exactly the seed's cells and narratives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL_IDS } from '../../shared/format';
import { importReportFile } from '../../shared/import';
import { importText } from '../../shared/import/text';
import { openZip } from '../../shared/import/zip';
import type { Report } from '../../shared/report';
import { FONTS_CONF } from '../helpers/office';
import { reportHtml } from '../helpers/report-html';
import { SEED_FILES, seedReport, seedText } from '../helpers/seeds';

const seedWithNarratives = (file: string): Report => {
  const t = importText(seedText(file));
  if (!t.ok) throw new Error(t.message);
  return { ...seedReport(file), narratives: t.report.narratives };
};

describe('Word files written by LibreOffice from an HTML rendering of each seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-lo-'));
  const reports = SEED_FILES.map(seedWithNarratives);
  const docx = (i: number) => join(dir, `seed${i}.docx`);
  /** The first seed ending as an office ends a document: a right-aligned 落款, then 抄送 and 印发. */
  const SIGNED = join(dir, 'signed.docx');
  const ENDING =
    '<p align="right">济源市人民政府办公室</p><p align="right">2024年1月9日</p><p>抄送：市委办公室，市人大常委会办公室。</p><p>济源市人民政府办公室　　2024年1月9日印发</p>';

  beforeAll(() => {
    const htmls = reports.map((r, i) => {
      const f = join(dir, `seed${i}.html`);
      writeFileSync(f, reportHtml(r));
      return f;
    });
    htmls.push(join(dir, 'signed.html'));
    writeFileSync(htmls[htmls.length - 1]!, reportHtml(reports[0]!, ENDING));
    const profile = mkdtempSync(join(tmpdir(), 'lo-'));
    try {
      const run = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--infilter=HTML (StarWriter)',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          dir,
          ...htmls,
        ],
        { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF, SAL_USE_VCLPLUGIN: 'svp' }, timeout: 170_000, encoding: 'utf8' },
      );
      const missing = [...reports.map((_, i) => docx(i)), SIGNED].filter((f) => !existsSync(f));
      if (missing.length) throw new Error(`soffice did not write ${missing.join(', ')}: ${run.stdout}\n${run.stderr}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [i, file] of SEED_FILES.entries()) {
    it(`${file}: exactly the seed's cells and narratives`, async () => {
      const bytes = new Uint8Array(readFileSync(docx(i)));
      // it really is LibreOffice's file, not ours
      expect(new TextDecoder().decode(openZip(bytes).read('docProps/app.xml'))).toMatch(/LibreOffice/);
      const r = await importReportFile(`${file}.docx`, bytes);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      const want = reports[i]!;
      expect(r.kind).toBe('docx');
      expect(r.report.agency).toBe(want.agency);
      expect(r.report.year).toBe(want.year);
      for (const id of CELL_IDS) expect(r.report.cells[id], id).toEqual(want.cells[id]);
      expect(r.report.narratives).toEqual(want.narratives);
      expect(r.notes.filter((n) => n.level === 'error')).toEqual([]);
    });
  }

  it('a LibreOffice file ending with a 落款 and 版记: the 落款 in its field, 抄送/印发 left out, 六 exactly the seed’s', async () => {
    const r = await importReportFile('signed.docx', new Uint8Array(readFileSync(SIGNED)));
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (!r.ok) return;
    expect(r.report.signOff).toEqual({ agency: '济源市人民政府办公室', date: '2024年1月9日' });
    expect(r.report.narratives).toEqual(reports[0]!.narratives);
    expect(r.notes.find((n) => n.message.includes('版记'))?.message).toContain('抄送：市委办公室');
  });
});
