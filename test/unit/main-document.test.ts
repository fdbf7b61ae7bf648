import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReport, restore, serialiseReport } from '../../shared/report';
import { importReportFile } from '../../shared/import';
import { RecentFiles } from '../../src-main/recent-files';
import { nodeFsPort } from '../../src-main/fs-port';
import { seedReport, SEED_FILES } from '../helpers/seeds';
import { edit, makeController } from './main-helpers/controller';
import { useTempFolders } from './main-helpers/fs';

const setup = useTempFolders('docs');

const seed = seedReport(SEED_FILES[0]!);
const onDisk = (path: string) => {
  const r = restore(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.report;
};

describe('open, save, save as, recent files', () => {
  it('saves a new report where the dialog says, adding the extension, and reopens it identical', async () => {
    const dir = setup();
    const { controller, dialogs, recent } = makeController(dir);
    await edit(controller, seed);
    dialogs.savePaths.push(join(dir, 'docs', '济源年报'));
    const saved = await controller.saveReport(seed, { saveAs: false });
    expect(saved).toEqual({ ok: true, fileName: '济源年报.gkreport' });
    const path = join(dir, 'docs', '济源年报.gkreport');
    expect(onDisk(path)).toEqual(seed);
    expect(controller.state).toMatchObject({ filePath: path, dirty: false });
    // the dialog proposed a name made of agency and year, in the documents folder
    expect(dialogs.asked[0]!.detail).toBe(`report ${join(dir, 'docs', `${seed.agency}${seed.year}年政府信息公开工作年度报告.gkreport`)}`);
    expect(recent.list()).toEqual([path]);

    const again = makeController(dir);
    again.dialogs.openPaths.push(path);
    const opened = await again.controller.openReport();
    expect(opened).toEqual({ report: seed, fileName: '济源年报.gkreport', source: 'own', notes: [] });
    expect(again.controller.title('政府信息公开年报编制器')).toBe('济源年报.gkreport — 政府信息公开年报编制器');
  });

  it('a plain save writes to the current file without asking; save as asks and switches file', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    const first = join(dir, 'docs', 'a.gkreport');
    dialogs.savePaths.push(first);
    await controller.saveReport(seed, { saveAs: false });
    const edited = createReport({ ...seed, narratives: { ...seed.narratives, overview: '本年度概述。' } });
    await edit(controller, edited);
    expect(controller.title('X')).toBe('● a.gkreport — X');
    expect(await controller.saveReport(edited, { saveAs: false })).toEqual({ ok: true, fileName: 'a.gkreport' });
    expect(dialogs.asked.filter((a) => a.kind === 'save')).toHaveLength(1);
    expect(onDisk(first)).toEqual(edited);
    expect(onDisk(`${first}.bak`)).toEqual(seed);
    expect(controller.title('X')).toBe('a.gkreport — X');

    const second = join(dir, 'docs', 'b.gkreport');
    dialogs.savePaths.push(second);
    expect(await controller.saveReport(edited, { saveAs: true })).toEqual({ ok: true, fileName: 'b.gkreport' });
    expect(controller.state.filePath).toBe(second);
    expect(onDisk(second)).toEqual(edited);
  });

  it('cancelling the save dialog saves nothing and keeps the document dirty', async () => {
    const dir = setup();
    const { controller } = makeController(dir);
    await edit(controller, seed);
    expect(await controller.saveReport(seed, { saveAs: false })).toEqual({ ok: false, cancelled: true });
    expect(controller.state.dirty).toBe(true);
  });

  it('asks where to save when the report is of another agency or year than the open file (a new document)', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    const path = join(dir, 'docs', 'old.gkreport');
    writeFileSync(path, serialiseReport(seed));
    dialogs.openPaths.push(path);
    await controller.openReport();
    const blank = createReport();
    dialogs.savePaths.push(null);
    expect(await controller.saveReport(blank, { saveAs: false })).toEqual({ ok: false, cancelled: true });
    expect(onDisk(path)).toEqual(seed);
  });

  it('keeps the ten most recent files, newest first, persisted in userData', async () => {
    const dir = setup();
    const store = join(dir, 'userData', 'recent.json');
    const recent = new RecentFiles(store, nodeFsPort);
    for (let i = 0; i < 12; i++) await recent.add(join(dir, `f${i}.gkreport`));
    await recent.add(join(dir, 'f5.gkreport'));
    const reloaded = new RecentFiles(store, nodeFsPort);
    const list = await reloaded.load();
    expect(list).toHaveLength(10);
    expect(list[0]).toBe(join(dir, 'f5.gkreport'));
    expect(list[1]).toBe(join(dir, 'f11.gkreport'));
    expect(list).not.toContain(join(dir, 'f0.gkreport'));
    writeFileSync(store, '{ damaged');
    expect(await new RecentFiles(store, nodeFsPort).load()).toEqual([]);
  });

  it('opens a recent file through the same path, and drops it from the list when it is gone', async () => {
    const dir = setup();
    const { controller, dialogs, recent } = makeController(dir);
    const path = join(dir, 'docs', 'r.gkreport');
    writeFileSync(path, serialiseReport(seed));
    await recent.add(path);
    expect(controller.requestOpen(path)).toBe(true);
    expect((await controller.openReport())?.report).toEqual(seed);
    expect(dialogs.asked.some((a) => a.kind === 'open')).toBe(false);

    const gone = join(dir, 'docs', 'gone.gkreport');
    await recent.add(gone);
    controller.requestOpen(gone);
    expect(await controller.openReport()).toBeNull();
    expect(dialogs.errors.at(-1)!.message).toContain('不存在');
    expect(recent.list()).not.toContain(gone);
  });

  it('汇总多个报告: sums the files chosen in one dialog into a new unsaved document; an unreadable one is reported and left out', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    const paths = SEED_FILES.slice(0, 2).map((f, i) => {
      const path = join(dir, 'docs', `${i}.gkreport`);
      writeFileSync(path, serialiseReport(seedReport(f)));
      return path;
    });
    const damaged = join(dir, 'docs', 'bad.gkreport');
    writeFileSync(damaged, '{ damaged');
    dialogs.openPaths.push(...paths, damaged);
    const opened = await controller.consolidateReports();
    expect(opened?.source).toBe('consolidation');
    expect(opened?.fileName).toBeNull();
    const [a, b] = SEED_FILES.slice(0, 2).map((f) => seedReport(f).cells);
    for (const id of ['t3.new.total', 't3.granted.natural', 't4.review.total'] as const)
      expect(opened!.report.cells[id], id).toBe((a![id] as number) + (b![id] as number));
    expect(opened!.notes.join('\n')).toContain('未能读取，未计入汇总：bad.gkreport');
    // reported once, in the draft's notes, not also in a dialog per file
    expect(dialogs.errors).toEqual([]);
    expect(await controller.consolidateReports()).toBeNull(); // cancelled: nothing chosen
  });

  it('refuses a damaged file with the reasons in Chinese, changing nothing', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    const path = join(dir, 'docs', 'bad.gkreport');
    writeFileSync(path, JSON.stringify({ format: 'disclosure-report', version: 2, cells: { 't3.granted.natural': -3 } }));
    dialogs.openPaths.push(path);
    expect(await controller.openReport()).toBeNull();
    expect(dialogs.errors[0]!.message).toMatch(/无法从「bad.gkreport」读取年报[\s\S]*不能为负数/);
    expect(controller.state.filePath).toBeNull();
  });

  it('a file handed over by the OS that the editor did not open in time falls back to the dialog', async () => {
    const dir = setup();
    let clock = 1_000_000;
    const { controller, dialogs } = makeController(dir, { now: () => clock });
    const path = join(dir, 'docs', 'late.gkreport');
    writeFileSync(path, serialiseReport(seed));
    controller.requestOpen(path);
    clock += 61_000; // the clerk cancelled in the editor; a minute later clicks 打开
    expect(await controller.openReport()).toBeNull();
    expect(dialogs.asked).toEqual([{ kind: 'open', detail: 'open' }]);
  });

  it('does not take files of other types from the OS', () => {
    const dir = setup();
    const { controller } = makeController(dir);
    expect(controller.requestOpen('/etc/passwd')).toBe(false);
    expect(controller.requestOpen(join(dir, 'x.exe'))).toBe(false);
  });

  it('hands any other supported file to importReportFile, and the result must be saved as a new file', async () => {
    const dir = setup();
    const seen: string[] = [];
    const { controller, dialogs } = makeController(dir, {
      converters: {
        readBytes: async (name, bytes) => {
          seen.push(`${name}:${bytes.length}`);
          return {
            ok: true,
            report: seed,
            notes: [{ level: 'warning', message: '表二有 1 处未读出' }],
            stats: { found: { t2: 1, t3: 1, t4: 1 }, total: { t2: 1, t3: 1, t4: 1 } },
            formatEdition: '2021',
            kind: 'docx',
          };
        },
        buildExport: async () => new Uint8Array(),
      },
    });
    const path = join(dir, 'docs', '2023年报.docx');
    writeFileSync(path, 'PK fake bytes');
    dialogs.openPaths.push(path);
    const opened = await controller.openReport();
    expect(seen).toEqual(['2023年报.docx:13']);
    expect(opened).toMatchObject({ report: seed, fileName: null, source: 'import' });
    expect(opened!.notes).toContain('注意：表二有 1 处未读出');
    expect(controller.state.filePath).toBeNull();
    dialogs.savePaths.push(null);
    await controller.saveReport(seed, { saveAs: false });
    expect(dialogs.asked.at(-1)!.kind).toBe('save');
    expect(existsSync(path)).toBe(true);
  });

  it("以上年报告为模板新建: last year's file becomes this year's unsaved draft with last year as baseline", async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir, { converters: { readBytes: importReportFile, buildExport: async () => new Uint8Array() } });
    const last = join(dir, 'docs', `${seed.year}年报.gkreport`);
    writeFileSync(last, serialiseReport(seed));
    dialogs.openPaths.push(last);
    const opened = await controller.openTemplate();
    expect(dialogs.asked).toEqual([{ kind: 'open', detail: 'template' }]);
    expect(opened).toMatchObject({ fileName: null, source: 'template' });
    expect(opened!.report.year).toBe(seed.year! + 1);
    expect(opened!.report.agency).toBe(seed.agency);
    expect(opened!.report.baseline).toMatchObject({ year: seed.year, agency: seed.agency });
    expect(opened!.notes[0]).toBe(`已以「${seed.year}年报.gkreport」为模板新建${seed.year! + 1}年度报告。`);
    expect(controller.state.filePath).toBeNull();
    // the first save asks where: last year's file is never overwritten by the draft
    dialogs.savePaths.push(null);
    await controller.saveReport(opened!.report, { saveAs: false });
    expect(dialogs.asked.at(-1)!.kind).toBe('save');
    expect(onDisk(last)).toEqual(seed);
  });

  it('exports through the exporter to the file the dialog gives', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    dialogs.savePaths.push(join(dir, 'docs', '年报'));
    expect(await controller.exportReport(seed, 'docx')).toEqual({ ok: true, fileName: '年报.docx' });
    expect(readFileSync(join(dir, 'docs', '年报.docx'), 'utf8')).toBe('export docx');
  });

  it('offers a draft export under a name that says 「（草稿）」', async () => {
    const dir = setup();
    const { controller, dialogs } = makeController(dir);
    dialogs.savePaths.push(null);
    expect(await controller.exportReport(seed, 'docx', { draft: true })).toEqual({ ok: false, cancelled: true });
    expect(dialogs.asked.at(-1)!.detail).toBe(`docx ${join(dir, 'docs', `${seed.agency}${seed.year}年政府信息公开工作年度报告（草稿）.docx`)}`);
  });
});

describe('closing with unsaved changes', () => {
  it('the host only shows the question the editor asks, with the file name, and lets the window close when told', async () => {
    const dir = setup();
    const { controller, dialogs, recovery, closes } = makeController(dir);
    dialogs.unsaved.push('save');
    expect(await controller.askUnsaved()).toBe('save');
    expect(dialogs.asked).toEqual([{ kind: 'unsaved', detail: '未命名报告' }]);
    expect(await edit(controller, seed)).toEqual({ ok: true });
    expect(await recovery.list()).toHaveLength(1);
    // the editor dealt with it (saved, or 不保存): no recovery file is left to be offered as a crash
    await controller.closeWindow();
    expect(closes()).toBe(1);
    expect(await recovery.list()).toEqual([]);
    expect(controller.state.dirty).toBe(false);
  });
});

describe('the shared readers and exporters as the desktop app uses them', () => {
  it('builds Word, Excel and HTML bytes for a report, and reads our JSON back through importReportFile', async () => {
    const { sharedConverters } = await import('../../src-main/converters');
    const zip = [0x50, 0x4b, 0x03, 0x04];
    expect([...(await sharedConverters.buildExport('docx', seed)).subarray(0, 4)]).toEqual(zip);
    expect([...(await sharedConverters.buildExport('xlsx', seed)).subarray(0, 4)]).toEqual(zip);
    const htmlBytes = await sharedConverters.buildExport('html', seed);
    // the CMS fragment, marked as UTF-8 so a browser opening the file shows the Chinese right
    expect([...htmlBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const html = new TextDecoder().decode(htmlBytes);
    expect(html).toMatch(/^<article /);
    expect(html).toContain(seed.agency);
    const back = await sharedConverters.readBytes('x.json', new TextEncoder().encode(serialiseReport(seed)));
    expect(back.ok && back.report.cells).toEqual(seed.cells);
  }, 30_000);
});
