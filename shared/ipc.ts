/**
 * The one typed contract between the editor (renderer) and its host: the Electron main process
 * (through the preload) or the browser adapter of the web build. The renderer talks to nothing else.
 */
import type { Report } from './report/document';
import type { OpenedReport } from './app/opened-report';

export type ExportKind = 'docx' | 'xlsx' | 'html';

/** A report the host opened (made by the use cases in shared/app). */
export type { OpenedReport } from './app/opened-report';

export type SaveOutcome = { readonly ok: true; readonly fileName: string } | { readonly ok: false; readonly cancelled: boolean; readonly message?: string };

/** Commands of the application menu, sent by the host to the editor. */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'open-template'
  | 'save'
  | 'save-as'
  | 'export-docx'
  | 'export-xlsx'
  | 'export-html'
  | 'consolidate'
  | 'undo'
  | 'redo'
  | 'help';

export type RecoveryEntry = { readonly id: string; readonly title: string; readonly savedAt: string };

export type ReportApi = {
  /** Asks the user for a file (ours, or a Word/Excel/text/HTML report) and reads it. null when cancelled. */
  openReport(): Promise<OpenedReport | null>;
  /** Asks for last year's report in any supported format and returns this year's draft made from it. */
  openTemplate(): Promise<OpenedReport | null>;
  /** 汇总多个报告: asks for several reports in any supported format and returns their cell-by-cell sum as a new draft. */
  consolidateReports(): Promise<OpenedReport | null>;
  /** Saves to the current file, or asks where when there is none or saveAs is true. */
  saveReport(report: Report, options: { readonly saveAs: boolean }): Promise<SaveOutcome>;
  /** Builds the export and asks where to write it. */
  exportReport(report: Report, kind: ExportKind): Promise<SaveOutcome>;
  /** Tells the host whether there are unsaved changes (title marker, close confirmation, autosave). */
  setDirty(dirty: boolean, report: Report | null): void;
  /** Unsaved documents left by a crash. */
  listRecoveries(): Promise<readonly RecoveryEntry[]>;
  restoreRecovery(id: string): Promise<OpenedReport | null>;
  discardRecovery(id: string): Promise<void>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The channel of each invoking method, one per method (checked with `satisfies` in the preload). */
export const IPC_CHANNELS = {
  openReport: 'report:open',
  openTemplate: 'report:open-template',
  consolidateReports: 'report:consolidate',
  saveReport: 'report:save',
  exportReport: 'report:export',
  setDirty: 'report:set-dirty',
  listRecoveries: 'recovery:list',
  restoreRecovery: 'recovery:restore',
  discardRecovery: 'recovery:discard',
  onMenuCommand: 'menu:command',
} as const satisfies Record<keyof ReportApi, string>;
