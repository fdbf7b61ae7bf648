/**
 * Reading the text of a published report: what a browser copies (tables as tab-separated lines), markdown
 * (`| a | b |` rows), and text extracted from PDF, where a table's row labels and numbers come out as
 * words and numbers separated by spaces, often on different lines.
 */
import { errorDetail, readBlocks, UNREADABLE } from './blocks-reader';
import { isNumberCell } from './labels';
import { headingIndex, isPageNoise, isPageNumber, splitHeadingLead } from './sections';
import type { Block, ImportResult } from './types';
import { trimEndOf } from './bounded';
import { unifyRadicals } from './pdf-radicals';

const PIPE_ROW = /^\s*\|(.*)\|\s*$/;
/** A Markdown table's separator row (| --- | :--: |), cell by cell: one regex over the whole line backtracked on long runs of spaces. */
const isPipeSeparator = (line: string): boolean => {
  let cells = line.trim().split('|');
  if (cells[0]!.trim() === '') cells = cells.slice(1);
  if (cells.length && cells[cells.length - 1]!.trim() === '') cells = cells.slice(0, -1);
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.trim()));
};
/** Sentence punctuation: a line with it is prose, not a table row. */
const PROSE = /[。；！？]/;
const NUMBERING_START =
  /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|第[一二三四五六七八九十]|[一二三四五六七八九十]是)/;

/** A line of a PDF table: labels and numbers separated by spaces. Words split by a space rejoin when the label is read. */
const looseCells = (line: string): string[] =>
  line
    .trim()
    .split(/[\s\u3000]+/)
    .filter((c) => c.length > 0);

const isLooseTableLine = (line: string): boolean => {
  const t = line.trim();
  // 「单位：万元）」 closing a bracket it never opened is the rest of a header cell broken in two, not a note
  const noteLine = /^(注|说明|备注|单位|数据来源)\s*[:：]/.test(t) && !/^[^（(]*[）)]/.test(t);
  if (PROSE.test(t) || t.length > 150 || noteLine) return false;
  return true;
};

/** Splits a page's text into paragraphs and table grids, without interpreting them. */
export const textToBlocks = (input: string): Block[] => {
  // text copied out of a PDF whose fonts map characters to radicals (「⼈⺠」 for 人民, Chromium and WPS) reads as the characters
  const text = unifyRadicals(input)
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    // control characters other than tab and newline say nothing (binary junk, form feeds of PDF pages)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, (ch) => (ch === '\u000c' ? '\n' : ''));
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let paragraph: string | null = null;
  let section = -1;

  const flushTable = () => {
    if (table && table.length > 0) blocks.push({ kind: 'table', rows: table });
    table = null;
  };
  const flushParagraph = () => {
    if (paragraph !== null && paragraph.trim()) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
    paragraph = null;
  };
  const addRow = (cells: string[]) => {
    flushParagraph();
    (table ??= []).push(cells);
  };

  for (const raw of text.split('\n')) {
    const line = trimEndOf(raw, ' \u00a0');
    if (line.trim() === '') {
      flushTable();
      flushParagraph();
      continue;
    }
    // a page break inside a table or a paragraph of copied PDF text: the page number says nothing
    if (isPageNumber(line)) continue;
    const pipe = PIPE_ROW.exec(line);
    if (pipe) {
      if (isPipeSeparator(line)) continue;
      addRow(pipe[1]!.split('|').map((c) => c.trim()));
      continue;
    }
    const h = headingIndex(line);
    // a heading run into its first sentence (「五、存在的主要问题及改进情况存在的问题：…」) still opens its section
    const lead = h < 0 ? splitHeadingLead(line.trim()) : null;
    if (h > section || (lead && lead.index > section)) {
      flushTable();
      flushParagraph();
      section = lead ? lead.index : h;
      blocks.push({ kind: 'paragraph', text: lead ? lead.heading : line.trim() });
      if (lead) paragraph = lead.rest;
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      const filled = cells.filter((c) => c.length > 0);
      if (!(filled.length <= 1 && PROSE.test(line))) {
        addRow(cells);
        continue;
      }
    }
    const inTableSection = section >= 1 && section <= 3;
    // a sentence standing alone where a table could be (「本年度未发生政府信息公开行政复议、行政诉讼情况」) stays text
    const lone =
      table === null && !/\s/.test(line.trim()) && line.trim().length >= 20 && !/[\d０-９]/.test(line) && !/[勾钩]稽/.test(line) && !NUMBERING_START.test(line);
    if (inTableSection && !lone && isLooseTableLine(line) && !isPageNoise(line)) {
      const cells = looseCells(line);
      // a table's rows follow one another; a lone label line counts only next to other rows or numbers
      if (table !== null || cells.some(isNumberCell) || cells.length > 0) {
        addRow(cells);
        continue;
      }
    }
    if (isPageNoise(line)) continue;
    // a bare number outside the tables: a page number, or a table cell a PDF viewer copied after the page's text
    if (!inTableSection && /^\s*\d{1,3}\s*$/.test(line)) continue;
    flushTable();
    const t = line.trim();
    // PDF text breaks a paragraph at the page width: a long line without a closing mark continues on the next
    if (paragraph !== null && paragraph.length >= 25 && !/[。；！？：:」）)]$/.test(paragraph) && !NUMBERING_START.test(t) && headingIndex(t) < 0) {
      paragraph += t;
    } else {
      flushParagraph();
      paragraph = t;
    }
  }
  flushTable();
  flushParagraph();
  return blocks;
};

export const importText = (text: string): ImportResult => {
  if (typeof text !== 'string') return { ok: false, kind: 'text', message: '读取失败：不是文本内容' };
  if (text.trim() === '') return { ok: false, kind: 'text', message: '文本为空，没有可读取的内容' };
  try {
    return readBlocks(textToBlocks(text), 'text');
  } catch (e) {
    return { ok: false, kind: 'text', message: UNREADABLE, detail: errorDetail(e) };
  }
};
