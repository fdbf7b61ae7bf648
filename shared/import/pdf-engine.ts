// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pdf.js ships no types for its worker module
/// <reference path="./pdfjs-worker.d.ts" />
/**
 * The positioned text and ruling lines of a PDF's pages, through pdf.js (Mozilla's PDF reader, pure
 * JavaScript). pdf.js is loaded only when a PDF is opened, so the editor's first screen does not pay
 * for it; nothing is fetched from a network (no CMaps, no standard fonts, no font faces: only text
 * and geometry are needed). Budgets are enforced before pdf.js parses anything (pdf-budget.ts) and
 * the page count before any page is asked for.
 */
import { checkStreamBudget, DEFAULT_PDF_LIMITS, PdfRefusal, type PdfLimits } from './pdf-budget';
import { setAsideGarbled } from './pdf-garbled';
import { isGarbledRun, showsTable, uprightItems, uprightOf, uprightRules } from './pdf-text';

/** A run of text: baseline origin (PDF units, origin bottom-left), advance width and font size. */
export type PdfItem = { readonly str: string; readonly x: number; readonly y: number; readonly w: number; readonly size: number };
/** A ruling line: horizontal (y fixed, x0..x1) or vertical (x fixed, y0..y1). */
export type PdfRule = { readonly at: number; readonly from: number; readonly to: number };
export type PdfPage = {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
  readonly h: readonly PdfRule[];
  readonly v: readonly PdfRule[];
  readonly images: number;
};
/** Runs of nonsense (a font without its character map) left out of a page outside its tables. */
export type PdfSetAside = { readonly page: number; readonly chars: number };
export type PdfContent = { readonly pages: readonly PdfPage[]; readonly title: string; readonly setAside?: readonly PdfSetAside[] };

/** The little of pdf.js this reader uses, typed here so shared/ does not depend on its DOM-typed declarations. */
type PdfJsPage = {
  view: number[];
  getTextContent(): Promise<{ items: { str?: string; transform?: number[]; width?: number; height?: number }[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
};
type PdfJsDoc = { numPages: number; getPage(n: number): Promise<PdfJsPage>; getMetadata(): Promise<{ info?: { Title?: string } }>; destroy(): Promise<void> };
export type PdfJs = {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfJsDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
  GlobalWorkerOptions: { workerSrc: string };
};

/**
 * pdf.js and its worker code loaded into this thread: pdf.js runs the worker code in-thread when it finds
 * it on globalThis.pdfjsWorker, so there is no file to locate at run time and bundles (the CLI, the
 * desktop main process, which ships without node_modules) work as they are. The browser build does the
 * same inside its reader worker (src-renderer/api/reader-worker.ts), off the page's thread.
 */
/**
 * The two DOMMatrix methods pdf.js's worker calls while reading (outlines of Type3 glyphs drawn as image
 * masks, as in WPS-made files). In Node pdf.js takes DOMMatrix from the optional @napi-rs/canvas, which the
 * desktop app does not ship; the browser has the real one.
 */
class MiniMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  scaleSelf(sx = 1, sy = sx): this {
    this.a *= sx;
    this.b *= sx;
    this.c *= sy;
    this.d *= sy;
    return this;
  }
  translateSelf(tx = 0, ty = 0): this {
    this.e += this.a * tx + this.c * ty;
    this.f += this.b * tx + this.d * ty;
    return this;
  }
}

let loader: () => Promise<PdfJs> = async () => {
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= MiniMatrix;
  const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= worker;
  return lib as unknown as PdfJs;
};
let workerSrc: string | null = null;

/** The browser build says where pdf.js's worker script is (bundled with the page, never a CDN). */
export const setPdfWorkerSrc = (src: string): void => {
  workerSrc = src;
};
/** For hosts that bundle pdf.js their own way. */
export const setPdfJsLoader = (load: () => Promise<PdfJs>): void => {
  loader = load;
};

let loaded: Promise<PdfJs> | null = null;
const pdfjs = (): Promise<PdfJs> => {
  loaded ??= loader().then((m) => {
    if (workerSrc) m.GlobalWorkerOptions.workerSrc = workerSrc;
    return m;
  });
  return loaded;
};

const SCANNED =
  '这是扫描图片形式的 PDF（页面是图片，没有文字层），其中的数字无法读取。请打开该报告的 Word 原件导入，或在本程序中直接填写各项数字（本程序暂不支持图片文字识别）';

/** pdf.js's exceptions in Chinese: what happened and what the clerk can do. */
/** The Chinese refusal for a PDF that pdf.js or our budgets stopped, or null when the error is not one we expect of a PDF. */
export const knownPdfRefusal = (e: unknown): string | null => {
  if (e instanceof PdfRefusal) return e.message;
  const name = (e as { name?: string })?.name ?? '';
  const msg = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException' || /password/i.test(msg))
    return '这个 PDF 设置了打开密码，无法读取。请用 PDF 阅读器输入密码后“另存为”无密码的 PDF，或改为导入报告的 Word 原件';
  if (name === 'InvalidPDFException' || /Invalid PDF|No PDF header|structure/i.test(msg))
    return 'PDF 文件已损坏或不完整（可能下载未完成），无法读取。请重新下载该文件，或改为导入报告的 Word 原件';
  if (/circular|loop|cycle/i.test(msg)) return 'PDF 文件的页面结构有误（页面目录指向自身），无法读取';
  return null;
};

export const pdfErrorMessage = (e: unknown): string => knownPdfRefusal(e) ?? 'PDF 文件无法读取，可能已损坏。请改为导入报告的 Word 原件';

const TIMEOUT = '读取 PDF 超时，文件可能过于复杂或已损坏，已停止读取';

const withDeadline = <T>(p: Promise<T>, deadline: number): Promise<T> => {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new PdfRefusal(TIMEOUT));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfRefusal(TIMEOUT)), left);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
};

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Ruling lines of a page: stroked segments and rectangles, and filled rectangles thin enough to be lines. */
const rulesOf = (ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>): { h: PdfRule[]; v: PdfRule[]; images: number } => {
  const h: PdfRule[] = [];
  const v: PdfRule[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const add = (x0: number, y0: number, x1: number, y1: number, thin: number) => {
    if (Math.abs(y1 - y0) <= thin && Math.abs(x1 - x0) > thin) h.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= thin && Math.abs(y1 - y0) > thin) v.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i]!;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as unknown as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = mul(args[0] as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const isStroke = stroke.has(paint);
      if (!isStroke && !fill.has(paint)) continue;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!data) continue;
      // path data: [op, coords…]: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6, 3 quadraticCurveTo 4, 4 closePath
      const pts: [number, number][][] = [];
      let cur: [number, number][] = [];
      for (let k = 0; k < data.length;) {
        const op = data[k++]!;
        if (op === 0 || op === 1) {
          const x = data[k++]!;
          const y = data[k++]!;
          const p: [number, number] = [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
          if (op === 0 && cur.length) {
            pts.push(cur);
            cur = [];
          }
          cur.push(p);
        } else if (op === 2) k += 6;
        else if (op === 3) k += 4;
        else if (op === 4) {
          if (cur.length) cur.push(cur[0]!);
        } else break;
      }
      if (cur.length) pts.push(cur);
      for (const poly of pts) {
        if (isStroke) {
          for (let k = 1; k < poly.length; k++) add(poly[k - 1]![0], poly[k - 1]![1], poly[k]![0], poly[k]![1], 1);
        } else if (poly.length >= 4) {
          const xs = poly.map((p) => p[0]);
          const ys = poly.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          // a filled rectangle a couple of points thick is a border drawn as a fill (Chromium, Word)
          if (y1 - y0 <= 2.5 || x1 - x0 <= 2.5) {
            add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, 2.5);
            add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, 2.5);
          }
        }
      }
    }
  }
  return { h, v, images };
};

export const pdfScannedMessage = SCANNED;

/**
 * Whether a page may hold a table (or be a scan): little text, or readable text that shows a table. A page of prose
 * alone needs no drawing operations; a page with nonsense runs does (its rules tell a table from a cover).
 */
const mayHoldTable = (items: readonly PdfItem[]): boolean =>
  items.reduce((a, i) => a + i.str.trim().length, 0) < 20 || showsTable(items) || items.some(isGarbledRun);

/**
 * One document at a time per process: pdf.js 5.4 keeps the open document's page count in a static
 * (PagesMapper), so a second document loaded meanwhile makes the first one's later pages
 * 「Invalid page request」 (seen when a CLI worker read two chunks of files at once).
 */
let turn: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
};

/** Reads every page's text and rulings, or throws PdfRefusal / pdf.js's exception. */
export const readPdfContent = (bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfContent> => {
  checkStreamBudget(bytes, limits);
  return oneAtATime(() => readDocument(bytes, limits));
};

const readDocument = async (bytes: Uint8Array, limits: PdfLimits): Promise<PdfContent> => {
  const lib = await pdfjs();
  // counted from here: loading pdf.js itself (once per process) is not the file's doing
  const deadline = Date.now() + limits.maxMillis;
  // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Node Buffer: a plain copy
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  let doc: PdfJsDoc | null = null;
  try {
    doc = await withDeadline(task.promise, deadline);
    if (doc.numPages > limits.maxPages)
      throw new PdfRefusal(`这个 PDF 有 ${doc.numPages} 页，年度报告通常不超过 ${limits.maxPages} 页，不像年度报告，已拒绝读取`);
    if (doc.numPages === 0) throw new PdfRefusal('这个 PDF 没有页面，无法读取');
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await withDeadline(doc.getPage(n), deadline);
      const content = await withDeadline(page.getTextContent(), deadline);
      if (content.items.length > limits.maxItemsPerPage)
        throw new PdfRefusal(`PDF 第 ${n} 页的文字片段过多（超过 ${limits.maxItemsPerPage} 个），不像年度报告，已拒绝读取`);
      const up = uprightOf(content.items, page.view);
      const items = uprightItems(content.items, up);
      // the drawing operations cost as much as the text again: asked only where a table or a scan may be
      const { h, v, images } = mayHoldTable(items) ? rulesOf(await withDeadline(page.getOperatorList(), deadline), lib.OPS) : { h: [], v: [], images: 0 };
      pages.push({ width: up.width, height: up.height, items, ...uprightRules(h, v, up), images });
      page.cleanup();
    }
    const meta = await withDeadline(doc.getMetadata(), deadline).catch(() => null);
    const title = typeof meta?.info?.Title === 'string' ? meta.info.Title : '';
    const chars = pages.reduce((a, p) => a + p.items.reduce((b, i) => b + i.str.trim().length, 0), 0);
    if (chars < 20 * pages.length && pages.some((p) => p.images > 0)) throw new PdfRefusal(SCANNED);
    const readable = setAsideGarbled(pages);
    if (chars === 0) throw new PdfRefusal('这个 PDF 中没有任何文字，无法读取其中的数字。请打开该报告的 Word 原件导入，或直接填写各项数字');
    return { pages: readable.pages, title, ...(readable.setAside.length ? { setAside: readable.setAside } : {}) };
  } finally {
    // finished before the next document starts (see oneAtATime)
    await withDeadline(
      (doc ? doc.destroy() : task.destroy()).catch(() => undefined),
      Date.now() + 2000,
    ).catch(() => undefined);
  }
};
