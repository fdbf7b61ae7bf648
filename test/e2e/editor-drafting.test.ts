/** 插入标准表述 for what the completeness checks find missing: a clerk sees one button per missing subject and uses it. */
import { describe, expect, it } from 'vitest';
import { editorSession } from './helpers/session';

const session = editorSession();

describe('editor: drafting help for missing subjects', () => {
  it('offers the missing headings of 一, inserts one at the caret as its own paragraph, and the offer goes away', async () => {
    const page = await session.fresh();
    const ta = page.locator('textarea[data-narrative="overview"]');
    await ta.fill('（一）主动公开\n本年度主动公开政府信息 100 条。\n（二）依申请公开\n本年度未收到政府信息公开申请。');
    const offers = page.locator('[data-testid="skeletons-overview"] [data-testid="insert-skeleton"]');
    await expect
      .poll(() => offers.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-subject'))))
      .toEqual(['opening.period', 'opening.contact', 'overview.management', 'overview.platform', 'overview.supervision']);
    // caret at the end of the 主动公开 paragraph, then the button
    const at = '（一）主动公开\n本年度主动公开政府信息 100 条。'.length;
    await ta.evaluate((el: HTMLTextAreaElement, n: number) => el.setSelectionRange(n, n), at);
    await page.locator('[data-testid="insert-skeleton"][data-subject="overview.supervision"]').click();
    await expect
      .poll(() => ta.inputValue())
      .toBe('（一）主动公开\n本年度主动公开政府信息 100 条。\n（五）监督保障\n……\n（二）依申请公开\n本年度未收到政府信息公开申请。');
    await expect.poll(() => page.locator('[data-testid="status"]').textContent()).toContain('已插入「监督保障」的标准表述');
    await expect.poll(() => offers.count()).toBe(4);
    expect(await page.locator('[data-testid="insert-skeleton"][data-subject="overview.supervision"]').count()).toBe(0);
    // 五 offers its two halves
    await page.locator('textarea[data-narrative="problems"]').fill('工作取得一定成效。');
    await expect
      .poll(() => page.locator('[data-testid="skeletons-problems"] [data-testid="insert-skeleton"]').evaluateAll((bs) => bs.map((b) => b.textContent)))
      .toEqual(['＋ 上年度问题整改情况', '＋ 本年度存在的主要问题及改进措施']);
    expect(session.errors).toEqual([]);
  });
});
