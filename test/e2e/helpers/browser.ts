/** Launching Debian's Chromium with the flags of docs/DEVELOPERS.md, and the built renderer served beside it. */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIR = `${REPO}dist/renderer`;
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Builds the renderer only when it has not been built (the test script builds before running the tests). */
export const ensureRendererBuilt = (): void => {
  if (existsSync(`${RENDERER_DIR}/index.html`)) return;
  execSync('npx vite build', { cwd: REPO, stdio: 'inherit' });
};

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

export type Editor = { readonly browser: Browser; readonly server: StaticServer; close(): Promise<void> };

/** The built renderer served on a random port, and a Chromium to open it. */
export const startEditor = async (): Promise<Editor> => {
  ensureRendererBuilt();
  const server = await serveStatic(RENDERER_DIR);
  const browser = await launchChromium();
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
};

/** A fresh page of the editor at a 1366×768 laptop size, waiting until it is interactive. */
/**
 * The browser's save dialog cannot be answered in headless Chromium (it aborts at once): by default a clerk is
 * played who accepts the suggested name, the file arriving as a download (the names offered are kept in
 * window.__savePicks); 'none' plays a browser without the dialog (the editor then asks for the name with a prompt).
 */
const acceptSuggestedName = () => {
  const picks: string[] = [];
  (window as unknown as { __savePicks: string[] }).__savePicks = picks;
  (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
    picks.push(suggestedName);
    const parts: Blob[] = [];
    return {
      name: suggestedName,
      createWritable: async () => ({
        write: async (b: Blob) => void parts.push(b),
        close: async () => {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(new Blob(parts));
          a.download = suggestedName;
          document.body.append(a);
          a.click();
          a.remove();
        },
      }),
    };
  };
};
const noSavePicker = () => {
  delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
};

export const openEditorPage = async (
  editor: Editor,
  opts: { width?: number; height?: number; savePicker?: 'accept' | 'none' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
  const context = await editor.browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  await context.addInitScript(opts.savePicker === 'none' ? noSavePicker : acceptSuggestedName);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(editor.server.url);
  await page.waitForSelector('html[data-ready="1"]');
  return { context, page, errors };
};
