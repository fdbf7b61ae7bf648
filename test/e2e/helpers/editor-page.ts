/** Small helpers to drive the editor page: cells by their statutory id, findings by code. */
import type { Page } from 'playwright-core';

export const cell = (page: Page, id: string) => page.locator(`input[data-cell="${id}"]`);
export const cellTd = (page: Page, id: string) => page.locator(`td:has(input[data-cell="${id}"])`);
export const findings = (page: Page) => page.locator('[data-testid="findings"]');
export const finding = (page: Page, code: string) => page.locator(`[data-testid="findings"] [data-code="${code}"]`);

/** Clicks a cell and types as a clerk would (the click selects the cell; typing replaces it). */
export const typeInto = async (page: Page, id: string, text: string, then: 'Enter' | 'Tab' | null = 'Enter') => {
  await cell(page, id).click();
  await page.keyboard.type(text);
  if (then) await page.keyboard.press(then);
};

export const focusedCell = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['cell'] ?? null);
export const cellValues = (page: Page, ids: readonly string[]) => Promise.all(ids.map((id) => cell(page, id).inputValue()));

/** Puts text on the page's clipboard the way Excel does, and pastes it into the focused cell with Ctrl+V. */
export const pasteText = async (page: Page, text: string) => {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
};
