/**
 * Budgets a PDF must meet before pdf.js is asked to parse it. pdf.js inflates a content stream
 * whole and on the thread that asked, so a stream that inflates to gigabytes would hang the reader
 * before any limit of ours could act: every compressed stream is inflated here first, in slices,
 * with the output counted and thrown away, and the file is refused at the first one over budget.
 */
import { Inflate } from 'fflate';
import { concatBytes } from '../text/bytes';

export type PdfLimits = {
  /** A report is 5–8 pages; a file with more is not one (or is a bomb). */
  readonly maxPages: number;
  /** Largest decoded size of one stream (a page's content, an embedded font subset). */
  readonly maxStreamBytes: number;
  /** Largest decoded size of all streams together. */
  readonly maxTotalBytes: number;
  /**
   * Wall-clock budget for the whole reading: a backstop only (the budgets above refuse hostile files
   * within a second); generous because a busy machine must not turn a good report away.
   */
  readonly maxMillis: number;
  /** Text runs of one page; a report page has a few hundred. */
  readonly maxItemsPerPage: number;
};

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: 60,
  maxStreamBytes: 32 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxMillis: 20_000,
  maxItemsPerPage: 20_000,
};

export class PdfRefusal extends Error {}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** 「stream」 followed by its end of line: where a stream's bytes begin. */
const streamStarts = (b: Uint8Array): number[] => {
  const out: number[] = [];
  // s t r e a m
  for (let i = b.indexOf(0x73); i >= 0 && i < b.length - 7; i = b.indexOf(0x73, i + 1)) {
    if (b[i + 1] !== 0x74 || b[i + 2] !== 0x72 || b[i + 3] !== 0x65 || b[i + 4] !== 0x61 || b[i + 5] !== 0x6d) continue;
    if (i > 0 && b[i - 1] === 0x64) continue; // endstream
    let j = i + 6;
    if (b[j] === 0x0d) j++;
    if (b[j] !== 0x0a && b[j - 1] !== 0x0d) continue;
    if (b[j] === 0x0a) j++;
    out.push(j);
  }
  return out;
};

const isZlibHeader = (b: Uint8Array, at: number): boolean => at + 1 < b.length && (b[at]! & 0x0f) === 8 && ((b[at]! << 8) | b[at + 1]!) % 31 === 0;

const SLICE = 16 * 1024;

/**
 * Inflates the zlib data at `at`, counting its output; returns the decoded bytes when they are
 * themselves zlib data (a filter chain [/FlateDecode /FlateDecode]), else null. Throws PdfRefusal
 * over budget. Data that is not zlib (images, plain streams) or is damaged just ends the count.
 */
const inflateCounted = (b: Uint8Array, at: number, limits: PdfLimits, spent: { total: number }): Uint8Array | null => {
  let n = 0;
  let done = false;
  let head: Uint8Array[] | null = [];
  const inf = new Inflate((chunk, final) => {
    n += chunk.length;
    spent.total += chunk.length;
    if (n > limits.maxStreamBytes) throw new PdfRefusal(`PDF 中有一段内容解压后超过 ${MB(limits.maxStreamBytes)}（可能是“压缩炸弹”），已拒绝读取`);
    if (spent.total > limits.maxTotalBytes)
      throw new PdfRefusal(`PDF 的内容解压后共超过 ${MB(limits.maxTotalBytes)}，不像年度报告（可能是“压缩炸弹”），已拒绝读取`);
    // a nested zlib stream is kept (bounded by the stream budget) to be counted in its turn
    if (head && (head.length > 0 || isZlibHeader(chunk, 0))) head.push(chunk.slice());
    else head = null;
    if (final) done = true;
  });
  try {
    // fflate's Inflate reads raw deflate: the two bytes of the zlib header are skipped
    for (let i = at + 2; i < b.length && !done; i += SLICE) inf.push(b.subarray(i, Math.min(i + SLICE, b.length)), i + SLICE >= b.length);
  } catch (e) {
    if (e instanceof PdfRefusal) throw e;
    return null;
  }
  if (!head || head.length === 0) return null;
  return concatBytes(head);
};

/** Throws PdfRefusal when a stream of the file decodes beyond the budget. */
export const checkStreamBudget = (bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): void => {
  const spent = { total: 0 };
  for (const at of streamStarts(bytes)) {
    if (!isZlibHeader(bytes, at)) continue;
    let nested = inflateCounted(bytes, at, limits, spent);
    for (let depth = 0; nested && depth < 4; depth++) nested = inflateCounted(nested, 0, limits, spent);
  }
};
