/**
 * The desktop app, the browser build and the command line give the same result for the same bytes:
 * open (report, notes, refusal), template from last year, and consolidation, each driven through the
 * host's real code path — main's DocumentController with its production readers in their worker (src-main/converters.ts),
 * the browser's ReportApi under jsdom with the file picker answered, and the built CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteText } from '../../shared/app/open-report';
import { buildDocx } from '../../shared/export/docx';
import { buildHtml } from '../../shared/export/html';
import { buildXlsx } from '../../shared/export/xlsx';
import { CELL_IDS } from '../../shared/format/cells';
import type { ImportNote } from '../../shared/import/types';
import type { OpenedReport, ReportApi } from '../../shared/ipc';
import { restore, serialiseReport } from '../../shared/report';
import { createBrowserApi } from '../../src-renderer/api/browser-api';
import { isolatedConverters } from '../../src-main/converters';
import { SEED_FILES, SEEDS_DIR, seedReport } from '../helpers/seeds';
import { type ValidateJson, ensureCliBuilt, removeTempDirs, runCli, tempDir } from './cli-harness';
import { makeController } from './main-helpers/controller';
import { buildReaderWorker } from './main-helpers/reader-worker';
import type { ConvertersPort } from '../../src-main/document-controller';
import { fatCycle } from '../helpers/cfb-tamper';
import { makeMht } from '../helpers/make-mht';
import { fileURLToPath } from 'node:url';

// The browser build's globals, from jsdom (the test itself runs in Node: the CLI and main need it)
type Jsdom = new (html: string, o: object) => { window: Window & typeof globalThis };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: Jsdom };
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
const { document, HTMLInputElement, localStorage } = dom.window;
Object.assign(globalThis, { window: dom.window, document, HTMLInputElement, localStorage });

type Case = { readonly name: string; readonly bytes: Uint8Array };

const seed = seedReport(SEED_FILES[0]!);
const other = seedReport(SEED_FILES[1]!);
const enc = (s: string) => new TextEncoder().encode(s);
const v1 = (() => {
  const { version: _v, baseline: _b, settings: _s, ...rest } = JSON.parse(serialiseReport(seed)) as Record<string, unknown>;
  return { ...rest, version: 1 };
})();

let cases: Case[] = [];
let dir = '';
/** The desktop's production readers: in the reader worker, as out/main/main.cjs uses them. */
let desktopConverters: ConvertersPort;

beforeAll(async () => {
  await ensureCliBuilt();
  dir = tempDir('hosts');
  desktopConverters = isolatedConverters(await buildReaderWorker());
  cases = [
    { name: '本年.gkreport', bytes: enc(serialiseReport(seed)) },
    { name: '旧版.gkreport', bytes: enc(JSON.stringify(v1)) },
    { name: '导出.json', bytes: enc(serialiseReport(other)) },
    { name: '年报.docx', bytes: await buildDocx(seed) },
    { name: '年报.xlsx', bytes: await buildXlsx(other) },
    { name: '年报.html', bytes: enc(await buildHtml(seed)) },
    { name: '网页正文.txt', bytes: readFileSync(join(SEEDS_DIR, SEED_FILES[2]!)) },
    { name: '旧版 Word.doc', bytes: readFileSync(fileURLToPath(new URL('../fixtures/doc/our-export-jiyuan-city.doc', import.meta.url))) },
    { name: '单个文件网页.mht', bytes: makeMht(await buildHtml(other), { bytes: 'gbk', charset: 'gb2312' }) },
    { name: '循环的.doc', bytes: fatCycle(readFileSync(fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url)))) },
    { name: '坏的.gkreport', bytes: enc(JSON.stringify({ format: 'disclosure-report', version: 2, cells: { 't3.granted.natural': -3 } })) },
    { name: '改过扩展名.docx', bytes: enc('这不是 Word 文件') },
    { name: '压缩包.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) },
  ];
  for (const c of cases) writeFileSync(join(dir, c.name), c.bytes);
}, 120_000);
afterAll(() => removeTempDirs());

/** The desktop: the controller with the production readers, its dialogs scripted. Refusal → the dialog's text. */
const desktop = async (run: (c: ReturnType<typeof makeController>) => Promise<OpenedReport | null>, paths: string[]): Promise<OpenedReport | string> => {
  const h = makeController(tempDir('hosts'), { converters: desktopConverters });
  h.dialogs.openPaths.push(...paths.map((p) => join(dir, p)));
  const r = await run(h);
  return r ?? h.dialogs.errors.map((e) => e.message).join('\n');
};

/** The browser: the real ReportApi; the file picker answers with File objects of the same bytes. Refusal → the thrown message. */
const browser = async (run: (api: ReportApi) => Promise<OpenedReport | null>, names: string[]): Promise<OpenedReport | string> => {
  const files = names.map((n) => new File([cases.find((c) => c.name === n)!.bytes as Uint8Array<ArrayBuffer>], n));
  const click = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: this.multiple ? files : files.slice(0, 1) });
    this.dispatchEvent(new dom.window.Event('change'));
  };
  try {
    return (await run(createBrowserApi())) ?? 'cancelled';
  } catch (e) {
    return (e as Error).message;
  } finally {
    HTMLInputElement.prototype.click = click;
  }
};

describe('the same bytes give the same result in the desktop app, the browser and the CLI', () => {
  it('opening: the same report and notes, or the same refusal', async () => {
    const cli = JSON.parse(runCli(['validate', '--json', ...cases.map((c) => join(dir, c.name))]).stdout) as ValidateJson;
    for (const [i, c] of cases.entries()) {
      const d = await desktop((h) => h.controller.openReport(), [c.name]);
      const b = await browser((api) => api.openReport(), [c.name]);
      expect(b, c.name).toEqual(d);
      const entry = cli.files[i]!;
      if (typeof d === 'string') {
        expect(entry.error, c.name).toBeDefined();
        expect(d, c.name).toBe(`无法从「${c.name}」读取年报：${entry.error}`);
      } else {
        expect(entry.error, c.name).toBeUndefined();
        expect({ agency: entry.agency, year: entry.year }).toEqual({ agency: d.report.agency, year: d.report.year });
        expect(entry.cells).toEqual(Object.fromEntries(CELL_IDS.map((id) => [id, d.report.cells[id] ?? null])));
        const readerNotes = d.source === 'import' ? d.notes.slice(1) : d.notes;
        expect(
          entry.notes.map((n) => noteText(n as ImportNote)),
          c.name,
        ).toEqual(readerNotes);
      }
    }
    const kinds = cases.map((c, i) => (cli.files[i]!.error === undefined ? 'read' : 'refused'));
    // the cases cover both outcomes, and the old-version note is worded once
    expect(kinds.filter((k) => k === 'refused').length).toBe(4);
    const old = await desktop((h) => h.controller.openReport(), ['旧版.gkreport']);
    expect(typeof old !== 'string' && old.notes).toEqual([expect.stringContaining('旧版程序保存（文件版本 1）')]);
  }, 120_000);

  it('以上年报告为模板新建: the same draft and notes; the CLI writes the same report', async () => {
    for (const name of ['本年.gkreport', '年报.docx', '坏的.gkreport']) {
      const d = await desktop((h) => h.controller.openTemplate(), [name]);
      const b = await browser((api) => api.openTemplate(), [name]);
      expect(b, name).toEqual(d);
      const out = join(tempDir('hosts'), '本年度.gkreport');
      const run = runCli(['template', join(dir, name), '-o', out]);
      if (typeof d === 'string') {
        expect(run.code).toBe(2);
        continue;
      }
      expect(run.code, run.stderr).toBe(0);
      const written = restore(readFileSync(out, 'utf8'));
      expect(written.ok && written.report).toEqual(d.report);
      // the CLI prints the template's notes, the ones the editor shows after its first line
      for (const n of d.notes.slice(1, 3)) expect(run.stdout).toContain(n);
    }
  }, 120_000);

  it('汇总: the same sum and notes; the CLI writes the same cells', async () => {
    const names = ['本年.gkreport', '年报.xlsx', '改过扩展名.docx'];
    const d = await desktop((h) => h.controller.consolidateReports(), names);
    const b = await browser((api) => api.consolidateReports(), names);
    expect(b).toEqual(d);
    expect(typeof d !== 'string' && d.notes.join('\n')).toContain('未能读取，未计入汇总：改过扩展名.docx');
    const out = join(tempDir('hosts'), '汇总.gkreport');
    const run = runCli(['consolidate', '--skip-unreadable', '-o', out, ...names.map((n) => join(dir, n))]);
    expect(run.code, run.stderr).toBeLessThan(2);
    const written = restore(readFileSync(out, 'utf8'));
    expect(written.ok && written.report.cells).toEqual(typeof d !== 'string' && d.report.cells);
  }, 120_000);
});
