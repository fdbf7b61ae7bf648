/** The one ReportApi the editor talks to: the Electron preload's when present, else the browser's. */
import type { ReportApi } from '../../shared/ipc';
import { createBrowserApi } from './browser-api';

export const api: ReportApi = window.reportApi ?? createBrowserApi();
