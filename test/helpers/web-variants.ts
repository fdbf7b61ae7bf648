/**
 * The files real agencies publish, built from a report at test time: the web page as a CMS emits it
 * (Word-pasted mso markup, <p>/<span> in cells, digits in spans, <th>, nested layout tables, tbody
 * missing or repeated, header rows split in other ways than the official template), the page's text
 * as a browser copies it (Chrome's tab lines without the merged positions, one cell per line, runs of
 * spaces), and Word files with the quirks WPS and Word write. Each variant is a name and a file; the
 * tests read every one and compare with the report it came from.
 */
import {
  SECTIONS,
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_IDENTITY_NOTE,
  T3_ORG_HEADER,
  T4_COLUMNS,
  T4_GROUPS,
  T4_REVIEW_HEADER,
  T4_SUIT_HEADER,
  reportTitle,
  t4,
  tableLayout,
  type GridCell,
  type TableId,
} from '../../shared/format';
import type { Report } from '../../shared/report';
import { tableGrid } from './render-text';

/** A header or label cell of an alternative header: text and spans. */
export type HeadCell = { readonly text: string; readonly rs?: number; readonly cs?: number; readonly th?: boolean };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const valueText = (v: number | string | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const FW = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');

/** A layout cell as a HeadCell-like record with its text from the report. */
type Cell = { readonly text: string; readonly rs: number; readonly cs: number; readonly data: boolean; readonly header: boolean };
const cellOf = (c: GridCell, report: Report): Cell => ({
  text: c.cellId ? valueText(report.cells[c.cellId]) : c.text,
  rs: c.rowSpan,
  cs: c.colSpan,
  data: c.kind === 'data',
  header: c.kind === 'header' || c.kind === 'note',
});

// the header words, from the format data
const NOTE = T3_IDENTITY_NOTE;
const [NATURAL, ...ORGS] = T3_COLUMNS.slice(0, -1).map((c) => c.label);
const T3_TOTAL = T3_COLUMNS[T3_COLUMNS.length - 1]!.label;
const [REVIEW, DIRECT, AFTER] = T4_GROUPS.map((g) => g.label);
const ORG_CELLS: HeadCell[] = ORGS.map((text) => ({ text }));
/** The five result headers under each of 表四's three groups. */
const T4_RESULT_CELLS: HeadCell[] = T4_GROUPS.flatMap(() => T4_COLUMNS.map((c) => ({ text: c.label })));
const blanks = (n: number): HeadCell[] => Array.from({ length: n }, () => ({ text: '' }));

/** Other ways pages split the header rows of 表三 and 表四 (the data rows stay the official ones). */
export const HEADER_VARIANTS: Record<string, Partial<Record<TableId, readonly (readonly HeadCell[])[] | 'sideways'>>> = {
  't4 turned on its side (results as rows, groups as columns)': { t4: 'sideways' },
  // 总计 standing beside 申请人情况 over all three header rows; 申请人情况 over six columns
  't3 总计 over three header rows': {
    t3: [
      [
        { text: NOTE, rs: 3, cs: 3 },
        { text: T3_APPLICANT_HEADER, cs: 6 },
        { text: T3_TOTAL, rs: 3 },
      ],
      [
        { text: NATURAL!, rs: 2 },
        { text: T3_ORG_HEADER, cs: 5 },
      ],
      ORG_CELLS,
    ],
  },
  // no 申请人情况 row: two header rows
  't3 header in two rows without 申请人情况': {
    t3: [
      [
        { text: NOTE, rs: 2, cs: 3 },
        { text: NATURAL!, rs: 2 },
        { text: T3_ORG_HEADER, cs: 5 },
        { text: T3_TOTAL, rs: 2 },
      ],
      ORG_CELLS,
    ],
  },
  // 申请人情况 over all seven columns with 自然人 and 总计 spanning down, the note cell split into three empty cells
  't3 勾稽 note as three separate empty cells': {
    t3: [
      [...blanks(3), { text: T3_APPLICANT_HEADER, cs: 7 }],
      [...blanks(3), { text: NATURAL!, rs: 2 }, { text: T3_ORG_HEADER, cs: 5 }, { text: T3_TOTAL, rs: 2 }],
      [...blanks(3), ...ORG_CELLS],
    ],
  },
  // 表四: the 行政复议 group's five headers spread over the two lower rows, its own label over two rows
  't4 行政复议 over two rows': {
    t4: [
      [
        { text: REVIEW!, cs: 5, rs: 2 },
        { text: T4_SUIT_HEADER, cs: 10 },
      ],
      [
        { text: DIRECT!, cs: 5 },
        { text: AFTER!, cs: 5 },
      ],
      T4_RESULT_CELLS,
    ],
  },
  // 表四 with an empty cell above the 行政复议 headers in the middle row (no rowspan)
  't4 middle row empty over 行政复议': {
    t4: [
      [
        { text: T4_REVIEW_HEADER, cs: 5 },
        { text: T4_SUIT_HEADER, cs: 10 },
      ],
      [
        { text: '', cs: 5 },
        { text: DIRECT!, cs: 5 },
        { text: AFTER!, cs: 5 },
      ],
      T4_RESULT_CELLS,
    ],
  },
};

/**
 * 表四 turned on its side for a narrow (mobile) page: the five results as rows, the three groups as columns under
 * 行政复议 and 行政诉讼 over two header rows.
 */
export const t4Sideways = (report: Report): Cell[][] => {
  const h = (text: string, rs = 1, cs = 1): Cell => ({ text, rs, cs, data: false, header: true });
  return [
    [h('', 2), h(REVIEW!, 2), h(T4_SUIT_HEADER, 1, 2)],
    [h(DIRECT!), h(AFTER!)],
    ...T4_COLUMNS.map((c) => [
      { ...h(c.label), header: false },
      ...T4_GROUPS.map((g) => ({ text: valueText(report.cells[t4(g.id, c.id)]), rs: 1, cs: 1, data: true, header: false })),
    ]),
  ];
};

/** The rows of a statutory table as cells starting in each row (covered positions absent), headers optionally replaced. */
export const tableCells = (t: TableId, report: Report, header?: readonly (readonly HeadCell[])[] | 'sideways'): Cell[][] => {
  if (header === 'sideways') return t4Sideways(report);
  const layout = tableLayout(t);
  const rows = layout.rows.map((r) => r.map((c) => cellOf(c, report)));
  if (!header) return rows;
  const head = header.map((r) => r.map((c) => ({ text: c.text, rs: c.rs ?? 1, cs: c.cs ?? 1, data: false, header: true })));
  return [...head, ...rows.slice(layout.headerRows)];
};

export type HtmlStyle = {
  /** How a cell's text is written inside its <td>. */
  readonly cell?: (text: string, c: Cell) => string;
  /** <th> for header cells. */
  readonly th?: boolean;
  /** 'none': rows straight in <table>; 'many': each row in its own <tbody>; 'thead': header rows in <thead>. */
  readonly tbody?: 'one' | 'none' | 'many' | 'thead';
  /** Attributes of <td> and <tr> (Word writes width/valign/style on each). */
  readonly tdAttrs?: string;
  readonly trAttrs?: string;
  readonly tableAttrs?: string;
  /** Each statutory table inside the one cell of a frame table. */
  readonly framed?: boolean;
  readonly headers?: Partial<Record<TableId, readonly (readonly HeadCell[])[] | 'sideways'>>;
  /** 表三 broken after this many data rows into a second table, its header repeated, 「（续表）」 between. */
  readonly continuedAfter?: number;
  /** Merged cells written out as single cells: covered positions empty, or repeating the label. */
  readonly unmerged?: 'empty' | 'repeat';
};

/** The table as a full grid of single cells (what a page made from an unmerged Excel sheet holds). */
const unmergedRows = (rows: readonly Cell[][], repeat: boolean): Cell[][] => {
  const grid: (Cell | undefined)[][] = [];
  rows.forEach((r, i) => {
    grid[i] ??= [];
    let c = 0;
    for (const cell of r) {
      while (grid[i]![c]) c++;
      for (let dr = 0; dr < cell.rs; dr++)
        for (let dc = 0; dc < cell.cs; dc++) {
          grid[i + dr] ??= [];
          const first = dr === 0 && dc === 0;
          grid[i + dr]![c + dc] = { ...cell, rs: 1, cs: 1, text: first || (repeat && !cell.data) ? cell.text : '' };
        }
      c += cell.cs;
    }
  });
  return grid.map((r) => r.map((c) => c ?? { text: '', rs: 1, cs: 1, data: false, header: false }));
};

export const htmlTableOf = (t: TableId, report: Report, s: HtmlStyle = {}): string => {
  const cells = tableCells(t, report, s.headers?.[t]);
  const rows = s.unmerged ? unmergedRows(cells, s.unmerged === 'repeat') : cells;
  const given = s.headers?.[t];
  const headRows = given === 'sideways' ? 2 : (given?.length ?? tableLayout(t).headerRows);
  const cell = s.cell ?? ((x) => esc(x));
  const htmlRows = rows.map((r) => {
    const tds = r.map((c) => {
      const tag = s.th && c.header ? 'th' : 'td';
      const span = `${c.rs > 1 ? ` rowspan=${c.rs}` : ''}${c.cs > 1 ? ` colspan=${c.cs}` : ''}`;
      return `<${tag}${span}${s.tdAttrs ?? ''}>${cell(c.text, c)}</${tag}>`;
    });
    return `<tr${s.trAttrs ?? ''}>${tds.join('\n')}</tr>`;
  });
  const trs = htmlRows;
  if (t === 't3' && s.continuedAfter !== undefined) {
    const cut = headRows + s.continuedAfter;
    const part = (trs: readonly string[]) => `<table border="1"><tbody>\n${trs.join('\n')}\n</tbody></table>`;
    // a merged label running over the cut (「三、本年度办理结果」) is cut with it, as a page break cuts it: its rows go on without it
    return `${part(htmlRows.slice(0, cut))}\n<p style="text-align:right">（续表）</p>\n${part([...htmlRows.slice(0, headRows), ...htmlRows.slice(cut)])}`;
  }
  let inner: string;
  if (s.tbody === 'none') inner = trs.join('\n');
  else if (s.tbody === 'many') inner = trs.map((tr) => `<tbody>${tr}</tbody>`).join('\n');
  else if (s.tbody === 'thead') inner = `<thead>${trs.slice(0, headRows).join('\n')}</thead>\n<tbody>${trs.slice(headRows).join('\n')}</tbody>`;
  else inner = `<tbody>\n${trs.join('\n')}\n</tbody>`;
  const table = `<table${s.tableAttrs ?? ' border="1"'}>\n${inner}\n</table>`;
  return s.framed ? `<table width="100%" border="0"><tr><td align="center">${table}</td></tr></table>` : table;
};

const narrativeOf = (report: Report, id: string): string[] => (report.narratives as Record<string, string>)[id]?.split('\n').filter((p) => p.trim()) ?? [];

export type PageStyle = HtmlStyle & {
  /** How a paragraph of text is written. */
  readonly para?: (text: string) => string;
  /** How a section heading is written. */
  readonly heading?: (text: string) => string;
  readonly title?: (text: string) => string;
  /** The heading of a narrative section written in bold at the start of its first paragraph. */
  readonly headingInline?: boolean;
  /** The page around the article (a function of the article's HTML). */
  readonly page?: (article: string, title: string) => string;
};

/** A government site of the old kind: layout tables for everything, no nav/footer elements or class names to go by. */
export const LAYOUT_TABLE_SITE = (article: string, title: string): string => `<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${esc(title)}</title></head>
<body topmargin=0>
<table width=1000 align=center cellpadding=0 cellspacing=0><tr><td><img src="banner.jpg"></td></tr>
<tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a> | <a href="/hdjl">互动交流</a> | <a href="/map">站点地图</a></td></tr></table>
<table width=1000 align=center><tr><td width=200 valign=top>
<table><tr><td>政府信息公开指南</td></tr><tr><td>政府信息公开制度</td></tr><tr><td>政府信息公开年报</td></tr></table>
</td><td valign=top>
<table width=100%><tr><td>您现在的位置：首页 &gt; 政府信息公开 &gt; 年报</td></tr>
<tr><td align=center><font size=4><b>${esc(title)}</b></font></td></tr>
<tr><td>发布日期：2024-01-26　　来源：本站　　浏览次数：1024　　【字体：大 中 小】</td></tr>
<tr><td>${article}</td></tr>
<tr><td align=right>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>上一篇：2022年政府信息公开工作年度报告<br>下一篇：关于公布2023年政务公开要点的通知</td></tr></table>
</td></tr></table>
<table width=1000 align=center><tr><td align=center>
<a href="/map">站点地图</a> | <a href="/about">关于我们</a> | <a href="/contact">联系我们</a><br>
主办单位：某市人民政府办公室　　承办单位：某市大数据中心<br>
网站标识码：4107000001　　豫ICP备05000000号-1　　豫公网安备 41070202000123号<br>
建议使用1920×1080分辨率浏览本网站
</td></tr></table>
</body></html>`;

/** A CMS page of today: divs without telling class names, the site's footer and tools after the article. */
export const DIV_SITE = (
  article: string,
  title: string,
): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}-某市人民政府</title></head>
<body><div class="top"><div class="w1200"><a href="/">网站首页</a><a href="/zwgk">政务公开</a><a href="/map">站点地图</a><a href="/wza">无障碍</a></div></div>
<div class="w1200 mt20"><div class="wz">您所在的位置：<a href="/">首页</a> &gt; <a>政府信息公开</a> &gt; 年报</div>
<div class="xxgk-meta"><table><tr><td>索引号：</td><td>11410700005747123X/2024-00012</td><td>发布机构：</td><td>某市人民政府办公室</td></tr><tr><td>成文日期：</td><td>2024-01-20</td><td>发布日期：</td><td>2024-01-26</td></tr></table></div>
<div class="con">
<h2>${esc(title)}</h2>
<div class="info">时间：2024-01-26 10:12　　来源：市政府办公室　　【字体：大 中 小】</div>
<div class="TRS_Editor">${article}</div>
<div class="tools"><span>【我要纠错】</span><span>【打印】</span><span>【关闭】</span><span>扫一扫在手机打开当前页</span></div>
<div class="xgxx">相关稿件：<br>某市人民政府2022年政府信息公开工作年度报告</div>
</div></div>
<div class="bottom"><div class="w1200">
<p>网站声明 | 联系我们 | 站点地图</p>
<p>主办：某市人民政府办公室　　技术支持：某市大数据管理局</p>
<p>网站标识码：4107000001　　<a>豫ICP备05000000号</a>　　<a>豫公网安备 41070202000123号</a></p>
<p>建议使用IE9及以上版本浏览器，1920×1080分辨率浏览本网站</p>
</div></div></body></html>`;

const WORD_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} @page WordSection1 {size:595.3pt 841.9pt;} div.WordSection1 {page:WordSection1;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:普通表格;}</style><![endif]--></head>`;

/** Word's markup around a run of text: a MsoNormal paragraph, spans with mso styles, Latin runs apart, <o:p>. */
export const msoPara = (text: string, align = ''): string => {
  const runs = text
    .split(/(\d+(?:\.\d+)?)/)
    .filter((s) => s)
    .map((s) =>
      /^\d/.test(s)
        ? `<span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif'>${esc(s)}</span>`
        : `<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${esc(s)}</span>`,
    )
    .join('');
  return `<p class=MsoNormal${align ? ` align=${align} style='text-align:${align}'` : ` style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'`}>${runs}<span lang=EN-US><o:p></o:p></span></p>`;
};

/** A Word-numbered paragraph: the number Word wrote in a supportLists conditional, the text after it. */
const msoListPara = (text: string): string => {
  const m = /^([（(][一二三四五六七八九十]+[）)]|[一二三四五六]、)(.*)$/.exec(text);
  if (!m) return msoPara(text);
  return `<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:黑体;mso-bidi-font-family:黑体'><span style='mso-list:Ignore'>${esc(m[1]!)}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:黑体'>${esc(m[2]!)}<o:p></o:p></span></p>`;
};

/** A table cell as Word writes it: a centred MsoNormal paragraph, the text in spans, empty cells with <o:p>&nbsp;</o:p>. */
const msoCell = (text: string): string =>
  text === ''
    ? `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.0pt'><o:p>&nbsp;</o:p></span></p>`
    : `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'><span style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt'>${esc(text)}<span lang=EN-US><o:p></o:p></span></span></p>`;

export const renderPage = (report: Report, s: PageStyle = {}): string => {
  const title = reportTitle(report.agency, report.year);
  const para = s.para ?? ((t: string) => `<p>${esc(t)}</p>`);
  const body: string[] = [s.title ? s.title(title) : `<h1>${esc(title)}</h1>`];
  for (const sec of SECTIONS) {
    const paras = sec.kind === 'narrative' ? narrativeOf(report, sec.id) : [];
    if (s.headingInline && paras.length > 0) {
      body.push(`<p><strong>${esc(sec.heading)}</strong>${esc(paras[0]!)}</p>`, ...paras.slice(1).map(para));
      continue;
    }
    body.push(s.heading ? s.heading(sec.heading) : `<p><strong>${esc(sec.heading)}</strong></p>`);
    if (sec.kind === 'narrative') for (const p of paras) body.push(para(p));
    else {
      body.push(htmlTableOf(sec.id, report, s));
      if (report.tableTexts[sec.id]) body.push(para(report.tableTexts[sec.id]));
    }
  }
  const article = body.join('\n');
  return s.page
    ? s.page(article, title)
    : `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${article}\n</body></html>`;
};

/** Every digit in its own span (what some CMS editors leave after a font change), nbsp padding around. */
const digitSpans = (text: string): string =>
  /^[\d.]+$/.test(text) ? `&nbsp;${[...text].map((d) => `<span style="font-family:Times New Roman">${d}</span>`).join('')}&nbsp;` : esc(text);

export const htmlVariants = (report: Report): Record<string, string> => {
  const v: Record<string, string> = {
    'Word "save as web page": MsoNormal paragraphs, mso spans, <o:p>, conditional comments, supportLists numbers': `${WORD_HEAD}<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>\n${renderPage(
      report,
      {
        title: (t) => msoPara(t, 'center'),
        heading: msoListPara,
        para: msoPara,
        cell: msoCell,
        tableAttrs: ` class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'`,
        trAttrs: ` style='mso-yfti-irow:0;height:20.0pt'`,
        tdAttrs: ` width=56 valign=center style='width:42.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'`,
        page: (a) => a,
      },
    )}\n</div></body></html>`,
    'CMS paste: cells of <p><span> with &nbsp;, <br> inside labels, each digit in a span': renderPage(report, {
      cell: (t, c) =>
        c.data
          ? `<p style="text-align:center">${digitSpans(t)}</p>`
          : `<p><span style="font-size:14px">${esc(t.slice(0, 4))}<br>${esc(t.slice(4))}</span>&nbsp;</p>`,
    }),
    '<th> header cells, <thead>/<tbody>': renderPage(report, { th: true, tbody: 'thead' }),
    'rows without <tbody>': renderPage(report, { tbody: 'none' }),
    'a <tbody> per row': renderPage(report, { tbody: 'many' }),
    'each table in the one cell of a frame table': renderPage(report, { framed: true }),
    'full-width digits and &nbsp; padding in number cells': renderPage(report, { cell: (t, c) => (c.data ? `&nbsp;&nbsp;${FW(t)}&nbsp;` : esc(t)) }),
    'old site of layout tables: menus, 站点地图, 网站标识码, ICP备案, 打印本页/关闭窗口 around the article': renderPage(report, { page: LAYOUT_TABLE_SITE }),
    'a CMS page of divs: meta box, tools, related links, site footer without telling class names': renderPage(report, { page: DIV_SITE }),
    'paragraphs separated by <br> in one block, indented with &emsp;': renderPage(report, {
      para: (t) => `&emsp;&emsp;${esc(t)}<br>`,
      heading: (t) => `<br><b>${esc(t)}</b><br>`,
      page: (a, title) => `<html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><div id="zoom">${a}</div></body></html>`,
    }),
    "Word's zero-height row of phantom cells after each table (supportMisalignedColumns)": renderPage(report, { tbody: 'none' }).replace(
      /<\/table>/g,
      `<![if !supportMisalignedColumns]><tr height=0>${'<td width=56 style="border:none"></td>'.repeat(10)}</tr><![endif]></table>`,
    ),
  };
  for (const [name, headers] of Object.entries(HEADER_VARIANTS)) v[`header: ${name}`] = renderPage(report, { headers });
  const plain = renderPage(report);
  v['表三 in two tables, 「（续表）」 between them, the header repeated'] = renderPage(report, { continuedAfter: 12 });
  let zeros = 0;
  v['zeros written as 〇 or 零 (the Chinese zero)'] = renderPage(report, { cell: (t, c) => (c.data && t === '0' ? (zeros++ % 2 ? '〇' : '零') : esc(t)) });
  v['a WeChat article: <section>s and <span leaf> everywhere, tables of <section>-wrapped cells'] = renderPage(report, {
    title: (t) => `<section style="text-align:center"><span leaf="">${esc(t)}</span></section>`,
    heading: (t) => `<section style="margin-top:16px"><span leaf=""><strong>${esc(t)}</strong></span></section>`,
    para: (t) => `<section style="text-indent:2em;line-height:1.75"><span leaf="">${esc(t)}</span></section>`,
    cell: (t) => `<section style="text-align:center"><span leaf="">${esc(t)}</span></section>`,
    tableAttrs: ' style="width:100%;border-collapse:collapse"',
    page: (a, title) =>
      `<html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><div class="rich_media_content" id="js_content">${a}</div><div>微信扫一扫关注该公众号</div><div>预览时标签不可点</div></body></html>`,
  });
  v['attachment links after the article (附件：….pdf, a file name alone)'] = plain.replace(
    '</body>',
    `<p>附件：<a href="/u/2024.pdf">${esc(reportTitle(report.agency, report.year))}.pdf</a></p><p><a href="/u/t.docx">政府信息公开工作年度报告统计表.docx</a></p><p>附件下载：</p></body>`,
  );
  v['a hidden template row and a hidden column of old figures in each table (display:none)'] = plain
    .replace(/<tbody>\n/g, `<tbody>\n<tr style="display:none"><td>一、本年新收政府信息公开申请数量</td>${'<td>888</td>'.repeat(7)}</tr>\n`)
    .replace(/(<tr>)(<td>[^<]*<\/td>)/g, '$1<td style="display: none">999</td>$2');
  // a CMS whose editor numbers headings as a list: the page shows 「一、」 but the text has none
  v['headings as items of <ol style="list-style-type:cjk-ideographic" start>, their numbers drawn by the browser'] = renderPage(report, {
    heading: (t) =>
      `<ol style="list-style-type:cjk-ideographic" start="${'一二三四五六'.indexOf(t[0]!) + 1}"><li><strong>${esc(t.slice(2))}</strong></li></ol>`,
  });
  // the CMS editor's habit: the heading in bold at the start of the section's first paragraph
  v['headings of 一、五、六 in bold at the start of their first paragraph'] = renderPage(report, { headingInline: true });
  v['the title in a table of its own, the page <title> only the site name'] = renderPage(report, {
    title: (t) => `<table width="100%"><tr><td align="center" class="bt">${esc(t)}</td></tr></table>`,
  }).replace(/<title>[^<]*<\/title>/, '<title>某市人民政府门户网站</title>');
  v['FrontPage-era markup: upper-case tags and attributes, <FONT>, unquoted values'] = plain
    .replace(/<(\/?)(table|tbody|tr|td|p|strong|h1)\b/g, (_m, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`)
    .replace(/rowspan=/g, 'ROWSPAN=')
    .replace(/colspan=/g, 'COLSPAN=')
    .replace(/<TD([^>]*)>([^<]*)<\/TD>/g, '<TD$1><FONT face=宋体 size=2>$2</FONT></TD>');
  v['merged cells written out: every covered position an empty <td>'] = renderPage(report, { unmerged: 'empty' });
  v['merged cells written out: the label repeated in every covered position'] = renderPage(report, { unmerged: 'repeat' });
  v['numbers with thousands separators (「1,012」)'] = renderPage(report, {
    cell: (t, c) => (c.data ? t.replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace(/(\.\d*),/g, '$1') : esc(t)),
  });
  v['the last rows of each table with a rowspan that runs past the table'] = plain.replace(
    /<tr><td>([^<]*)<\/td>(?=[^\n]*<\/tr>\n<\/tbody>)/g,
    '<tr><td rowspan=9>$1</td>',
  );
  return v;
};

/** What Chrome copies from an HTML table: each row's cells (only those that start in the row) joined by tabs. */
export const chromeCopyTable = (t: TableId, report: Report, header?: readonly (readonly HeadCell[])[] | 'sideways'): string[] =>
  tableCells(t, report, header).map((r) => r.map((c) => c.text).join('\t'));

const textOfReport = (report: Report, table: (t: TableId) => string[]): string => {
  const out: string[] = [reportTitle(report.agency, report.year), ''];
  for (const s of SECTIONS) {
    out.push(s.heading);
    if (s.kind === 'narrative') out.push(...narrativeOf(report, s.id));
    else {
      out.push(...table(s.id));
      if (report.tableTexts[s.id]) out.push(report.tableTexts[s.id]);
    }
    out.push('');
  }
  return out.join('\n');
};

/** Label wordings real reports use beside the official ones (「申请量」, 「其它」, 「（万元）」). */
const LABEL_WORDING: readonly (readonly [RegExp, string])[] = [
  [/申请数量/g, '申请量'],
  [/法人或其他组织/g, '法人或其它组织'],
  [/其他结果/g, '其它结果'],
  [/本年收费金额（单位：万元）/g, '本年收费金额（万元）'],
  [/结转下年度继续办理/g, '结转下年度继续办理的'],
];
const reworded = (line: string): string => LABEL_WORDING.reduce((l, [re, to]) => l.replace(re, to), line);

/** Ctrl+A on the whole page: the site's menus, breadcrumb and publication data above, its tools and footer below. */
const wholePageCopy = (report: Report, body: string): string =>
  [
    '网站首页\t政务公开\t办事服务\t互动交流\t站点地图',
    '政府信息公开指南',
    '政府信息公开年报',
    '您现在的位置：首页 > 政府信息公开 > 年报',
    body,
    '发布日期：2024-01-26　　来源：本站　　浏览次数：1024　　【字体：大 中 小】',
    '【打印本页】【关闭窗口】',
    '上一篇：2022年政府信息公开工作年度报告',
    '相关稿件：',
    `${report.agency}2022年政府信息公开工作年度报告`,
    '站点地图 | 关于我们 | 联系我们',
    '主办单位：某市人民政府办公室　　承办单位：某市大数据中心',
    '网站标识码：4107000001　　豫ICP备05000000号-1　　豫公网安备 41070202000123号',
  ].join('\n');

/** A long cell text in two paragraphs, as Chrome copies a cell whose label the editor broke with <p>. */
const twoLines = (t: string): string =>
  t.length > 12 && !/^[\d.]+$/.test(t) ? `${t.slice(0, Math.ceil(t.length / 2))}\n${t.slice(Math.ceil(t.length / 2))}` : t;

export const textVariants = (report: Report): Record<string, string> => ({
  'Chrome copy of a page whose headings of 一、五、六 run into their first paragraph': textOfReport(report, (t) => chromeCopyTable(t, report)).replace(
    /^(一、总体情况|五、存在的主要问题及改进情况|六、其他需要报告的事项)\n/gm,
    '$1',
  ),
  'Ctrl+A copy of the whole page: menus, breadcrumb, publication data, tools and footer around the report': wholePageCopy(
    report,
    textOfReport(report, (t) => chromeCopyTable(t, report)),
  ),
  'Chrome copy with long labels in two paragraphs inside their cells': textOfReport(report, (t) =>
    tableCells(t, report).map((r) => r.map((c) => twoLines(c.text)).join('\t')),
  ),
  'label wordings of real reports (申请量, 其它, 法人或其它组织, 本年收费金额（万元）)': textOfReport(report, (t) => chromeCopyTable(t, report).map(reworded)),
  'cells padded with no-break spaces around the tabs': textOfReport(report, (t) =>
    tableCells(t, report).map((r) => r.map((c) => (c.text ? `\u00a0${c.text}\u00a0` : '')).join('\t')),
  ),
  ...Object.fromEntries(
    Object.entries(HEADER_VARIANTS).map(([name, headers]) => [
      `Chrome copy of a page whose header is split another way: ${name}`,
      textOfReport(report, (t) => chromeCopyTable(t, report, headers[t])),
    ]),
  ),
  'Chrome copy of the page: tab lines without merged positions': textOfReport(report, (t) => chromeCopyTable(t, report)),
  'Chrome copy, no blank line between paragraphs': textOfReport(report, (t) => chromeCopyTable(t, report)).replace(/\n\n/g, '\n'),
  'Firefox copy: one cell per line': textOfReport(report, (t) => tableCells(t, report).flatMap((r) => r.map((c) => c.text).filter((x) => x !== ''))),
  'cells separated by runs of spaces (grid positions kept)': textOfReport(report, (t) =>
    tableGrid(t, report).map((r) =>
      r
        .map((c) => (c === '' ? '' : c))
        .join('    ')
        .trimEnd(),
    ),
  ),
  'full-width digits and ideographic spaces between cells': textOfReport(report, (t) => tableGrid(t, report).map((r) => FW(r.join('\u3000\u3000')))),
});

/** GBK bytes of a text (what pages declaring charset=gb2312 hold), from the platform's GB18030 decoder read backwards. */
let gbkTable: Map<string, number[]> | null = null;
export const gbkBytes = (s: string): Uint8Array => {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = gbkTable.get(ch);
      // what GBK cannot hold a page writes as a character reference
      if (b) out.push(...b);
      else for (const c of `&#${ch.codePointAt(0)};`) out.push(c.charCodeAt(0));
    }
  }
  return new Uint8Array(out);
};
