/** Findings a clerk can read: a template full of last year's sentences is one warning per section, not one per sentence. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseReport } from '../../shared/report/document';
import { seedReportWithNarratives } from '../helpers/seed-narratives';
import { openEditorPage, startEditor, type Editor } from './helpers/browser';

let editor: Editor;
const dir = mkdtempSync(join(tmpdir(), 'editor-findings-'));
beforeAll(async () => {
  editor = await startEditor();
});
afterAll(async () => {
  await editor?.close();
});

describe('editor: copied sentences folded per section', () => {
  it('a template made from last year lists one NARR-REUSED per section with count and share, expandable to the sentences', async () => {
    const { page, context, errors } = await openEditorPage(editor);
    const file = join(dir, 'last-year.gkreport');
    writeFileSync(file, serialiseReport(seedReportWithNarratives('2023_longting-district-office.txt')));
    const chooser = page.waitForEvent('filechooser');
    await page.locator('button:has-text("以上年报告为模板")').click();
    await (await chooser).setFiles(file);
    const entries = page.locator('[data-testid="findings"] li.folded > [data-code="NARR-REUSED"]');
    await entries.first().waitFor();
    // 35 sentences in three sections: three entries, not 35
    expect(await entries.count()).toBe(3);
    const counts = await entries.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset['count'])));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(35);
    expect(await entries.first().textContent()).toMatch(/「一、总体情况」有 \d+ 句与上年报告相同或几乎相同，约占本部分文字的 \d+%/);
    const warnings = Number((await page.locator('[data-testid="count-warning"]').textContent())!.replace(/\D/g, ''));
    expect(warnings).toBeLessThan(35);
    // the sentences are a click away, and a click selects the sentence in the text
    const folded = page.locator('[data-testid="findings"] li.folded').first();
    await folded.locator('summary').click();
    const sentences = folded.locator('details [data-code="NARR-REUSED"]');
    expect(await sentences.count()).toBe(counts[0]);
    await sentences.nth(1).click();
    const selected = await page.evaluate(() => {
      const ta = document.activeElement as HTMLTextAreaElement;
      return { section: ta.dataset['narrative'], text: ta.value.slice(ta.selectionStart, ta.selectionEnd) };
    });
    expect(selected.section).toBe('overview');
    expect(selected.text.length).toBeGreaterThan(10);
    // the sentence highlights in the text stay, one per copied sentence (at least)
    expect(await page.locator('[data-section="overview"] mark').count()).toBeGreaterThanOrEqual(counts[0]!);
    expect(await page.locator('[data-testid="findings"]').screenshot({ path: 'test-results/findings-folded.png' })).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });
});
