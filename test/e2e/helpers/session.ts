/** The usual frame of an editor test file, kept out of browser.ts so the benchmark can import that without vitest. */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { type Editor, openEditorPage, startEditor } from './browser';

/**
 * One editor for a test file and a fresh page of it per test: `const s = editorSession(); await s.fresh();`
 * then `s.page`, `s.errors` (registers the file's beforeAll/afterAll).
 */
export const editorSession = (opts: Parameters<typeof openEditorPage>[1] = {}) => {
  const s = {} as { editor: Editor; context: BrowserContext; page: Page; errors: string[]; fresh(): Promise<Page> };
  beforeAll(async () => {
    s.editor = await startEditor();
  });
  afterAll(async () => {
    await s.editor?.close();
  });
  s.fresh = async () => {
    await s.context?.close();
    ({ context: s.context, page: s.page, errors: s.errors } = await openEditorPage(s.editor, opts));
    return s.page;
  };
  return s;
};
