/** The one ReportApi the editor talks to: the Electron preload's when present, else the browser's. */
import type { ReportApi } from '../../shared/ipc';
import type { ImportResult } from '../../shared/import/types';
import { createBrowserApi } from './browser-api';
import { loadTextImport } from './lazy';
import { browserReader } from './reader-client';

export const api: ReportApi = window.reportApi ?? createBrowserApi();

/** Pasted report text: the browser build reads it in its reader worker (off the editor's thread, time-limited). */
export const readPastedText = async (text: string): Promise<ImportResult> =>
  window.reportApi ? (await loadTextImport()).importText(text) : browserReader().readText(text);
