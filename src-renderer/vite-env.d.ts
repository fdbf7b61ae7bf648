/// <reference types="vite/client" />
import type { ReportApi } from '../shared/ipc';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web build. */
    reportApi?: ReportApi;
  }
}
