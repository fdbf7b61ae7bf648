/**
 * The web build reads untrusted files and pasted report text in its reader worker, off the thread that
 * draws the editor (real Chromium on the built renderer): the importers' code is loaded by the worker and
 * never by the page, the worker is made on the first file only and reused for the next, and a PDF (pdf.js
 * in-thread inside the worker) still fills the tables.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import expected from '../fixtures/pdf/expected.json';
import { seedExpectation, seedText } from '../helpers/seeds';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';
import { cell } from './helpers/editor-page';

const SEED = '2023_jiyuan-city.txt';
const PDF = fileURLToPath(new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url));
const pdfExpected = expected.reports['2024_huaian-city.pdf'];
const dir = mkdtempSync(join(tmpdir(), 'editor-reader-worker-'));
let editor: Editor;
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

const open = async (page: Page, file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="open"]').click();
  await (await chooser).setFiles(file);
};

/** The script files a scope (the page or a worker) loaded: the importers' chunks show whose thread parsed. */
const loadedScripts = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((r) => r.name.replace(/^.*\/assets\//, ''))
    .filter((n) => n.endsWith('.js'));

const IMPORTER_CHUNK = /^(import|pdf|pdf\.worker|text)-[\w-]+\.js$/;

describe('editor: files are read in a Web Worker', () => {
  it('opens a .txt, then a PDF, in one reused worker; the page itself never loads an importer', async () => {
    const { page, context } = await openEditorPage(editor);
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    page.on('dialog', (d) => void d.accept()); // 确定: drop the unsaved import before the next file
    expect(workers).toEqual([]);
    const txt = join(dir, 'jiyuan.txt');
    writeFileSync(txt, seedText(SEED));
    await open(page, txt);
    await page.locator('[data-testid="import-panel"]').waitFor();
    expect(await cell(page, 't3.new.total').inputValue()).toBe(String(seedExpectation(SEED).cells['t3.new.total']));
    expect(workers).toHaveLength(1);

    await open(page, PDF);
    await page.waitForFunction((a) => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value === a, pdfExpected.agency, {
      timeout: 30_000,
    });
    expect(await cell(page, 't3.new.total').inputValue()).toBe(String(pdfExpected.cells['t3.new.total']));
    expect(await cell(page, 't2.fees.amount').inputValue()).toBe(String(pdfExpected.cells['t2.fees.amount']));
    // the same worker read both files (pdf.js ran in-thread inside it: no second worker)
    expect(workers).toHaveLength(1);
    const inWorker = await workers[0]!.evaluate(loadedScripts);
    expect(inWorker.filter((n) => IMPORTER_CHUNK.test(n)).length).toBeGreaterThanOrEqual(2);
    expect((await page.evaluate(loadedScripts)).filter((n) => IMPORTER_CHUNK.test(n))).toEqual([]);
    await context.close();
  });

  it('reads pasted report text in the worker too', async () => {
    const { page, context } = await openEditorPage(editor);
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    await page.locator('[data-testid="paste-text"]').click();
    await page.locator('[data-testid="paste-text-area"]').fill(seedText(SEED));
    await page.locator('[data-testid="paste-text-ok"]').click();
    await page.locator('[data-testid="import-panel"]').waitFor();
    const exp = seedExpectation(SEED);
    for (const id of ['t3.new.natural', 't3.total.total', 't4.review.total'] as const)
      expect(await cell(page, id).inputValue(), id).toBe(String(exp.cells[id]));
    expect(workers).toHaveLength(1);
    expect((await workers[0]!.evaluate(loadedScripts)).some((n) => IMPORTER_CHUNK.test(n))).toBe(true);
    expect((await page.evaluate(loadedScripts)).filter((n) => IMPORTER_CHUNK.test(n))).toEqual([]);
    await context.close();
  });
});
