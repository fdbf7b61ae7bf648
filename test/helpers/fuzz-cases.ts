/**
 * A seeded generator of hostile and broken report files, as an attacker or an unlucky clerk makes
 * them: our own exports (.docx, .xlsx, .html, .gkreport), published text and a published PDF, then
 * byte flips, truncation, zip tampering (duplicate, overlapping, hidden, lying entries), deep nesting,
 * huge tables, long runs of spaces and huge narratives. The same seed gives the same files, so a
 * failure found by `npm run fuzz` is replayed by its case number.
 */
import { readFileSync } from 'node:fs';

import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import { buildDocx } from '../../shared/export/docx';
import { buildHtml } from '../../shared/export/html';
import { buildXlsx } from '../../shared/export/xlsx';
import { listZip, openZip } from '../../shared/import/zip';
import { type Report, serialiseReport } from '../../shared/report';
import { type RawZipEntry, zipRaw } from './make-docx';
import { rng } from './random-report';
import { makeMht } from './make-mht';
import { absurdSectorSize, directoryCycle, fatCycle, freeSectorChain, hugeFat, hugeMiniStream, streamBeyondFile } from './cfb-tamper';
import { SEED_FILES, seedReport, seedText } from './seeds';

export type Base = { readonly name: string; readonly bytes: Uint8Array; readonly report: Report | null };
export type FuzzCase = {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** What was done to the base file. */
  readonly mutation: string;
  /** The report the base file holds when it is our own export (for telling a silent misread). */
  readonly source: Report | null;
  /** True when the mutation leaves the report's content intact (a read must then give the same cells). */
  readonly contentKept: boolean;
};

const PDF = fileURLToPath(new URL('../fixtures/pdf/2024_huaian-city.pdf', import.meta.url));
const DOC = fileURLToPath(new URL('../fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url));
const XLS = fileURLToPath(new URL('../fixtures/xls/libreoffice-calc-xuchang-city.xls', import.meta.url));

/** The files mutated: three of our own reports in every export format, two published texts, a published PDF, a .doc, an .xls, a GBK .mht. */
export const fuzzBases = async (): Promise<Base[]> => {
  const out: Base[] = [];
  for (const f of SEED_FILES.slice(0, 3)) {
    const r = seedReport(f);
    const stem = f.replace(/\.txt$/, '');
    out.push({ name: `${stem}.docx`, bytes: await buildDocx(r), report: r });
    out.push({ name: `${stem}.xlsx`, bytes: await buildXlsx(r), report: r });
    out.push({ name: `${stem}.html`, bytes: strToU8(await buildHtml(r)), report: r });
    out.push({ name: `${stem}.gkreport`, bytes: strToU8(serialiseReport(r)), report: r });
  }
  for (const f of SEED_FILES.slice(3, 5)) out.push({ name: f, bytes: strToU8(seedText(f)), report: null });
  out.push({ name: 'huaian.pdf', bytes: new Uint8Array(readFileSync(PDF)), report: null });
  out.push({ name: 'xiuwu.doc', bytes: new Uint8Array(readFileSync(DOC)), report: null });
  out.push({ name: 'xuchang.xls', bytes: new Uint8Array(readFileSync(XLS)), report: null });
  const r0 = seedReport(SEED_FILES[0]!);
  out.push({ name: 'saved-page.mht', bytes: makeMht(await buildHtml(r0), { bytes: 'gbk', charset: 'gb2312' }), report: r0 });
  return out;
};

const isZipBytes = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

const entriesOf = (b: Uint8Array): RawZipEntry[] => {
  const z = openZip(b);
  return listZip(b).map((e) => ({ name: e.name, data: z.read(e.name), method: 0 as const, size: e.size, crc: e.crc }));
};

const text = (b: Uint8Array) => new TextDecoder().decode(b);

type Mutator = (b: Base, r: (n: number) => number) => { bytes: Uint8Array; mutation: string; kept?: boolean } | null;

const CFB_TAMPERS = [fatCycle, freeSectorChain, directoryCycle, (b: Uint8Array) => streamBeyondFile(b), hugeMiniStream, absurdSectorSize, hugeFat];

const MUTATORS: readonly Mutator[] = [
  (b, r) => {
    if (!b.name.endsWith('.mht')) return null;
    const t = text(b.bytes);
    const k = r(3);
    if (k === 0) {
      const image = /--[^\r\n]+\r\nContent-Type: image[\s\S]*?(?=--)/.exec(t)?.[0] ?? '';
      const n = 1000 + r(4000);
      return { bytes: strToU8(t.replace(image, image.repeat(n))), mutation: `${n} image parts` };
    }
    if (k === 1)
      return {
        bytes: strToU8(t.replace(/Content-Transfer-Encoding: quoted-printable/, 'Content-Transfer-Encoding: base64')),
        mutation: 'page declared base64',
      };
    return { bytes: strToU8(t.replace(/boundary="[^"]*"/, `boundary="${'-'.repeat(r(80))}"`)), mutation: 'boundary changed' };
  },
  (b, r) => {
    if (!/\.(doc|xls)$/.test(b.name)) return null;
    const k = r(CFB_TAMPERS.length);
    return {
      bytes: CFB_TAMPERS[k]!(b.bytes),
      mutation: `compound file tampered (${['FAT cycle', 'chain into a free sector', 'directory cycle', 'stream of 2 GB', 'mini stream of 2 GB', 'sector of 1 MB', '3 million FAT sectors'][k]})`,
    };
  },
  (b, r) => {
    const out = b.bytes.slice();
    const n = 1 + r(16);
    for (let i = 0; i < n; i++) {
      const k = r(out.length);
      out[k] = out[k]! ^ (1 << r(8));
    }
    return { bytes: out, mutation: `flip ${n} bits` };
  },
  (b, r) => {
    const at = r(b.bytes.length);
    return { bytes: b.bytes.slice(0, at), mutation: `truncate at ${at}/${b.bytes.length}` };
  },
  (b, r) => {
    const out = b.bytes.slice();
    const at = r(out.length);
    const len = 1 + r(256);
    for (let i = at; i < Math.min(out.length, at + len); i++) out[i] = r(256);
    return { bytes: out, mutation: `overwrite ${len} bytes at ${at}` };
  },
  (b, r) => {
    if (!isZipBytes(b.bytes)) return null;
    const e = entriesOf(b.bytes);
    const dup = e[r(e.length)]!;
    return { bytes: zipRaw([...e, dup]), mutation: `duplicate entry ${dup.name}` };
  },
  (b, r) => {
    if (!isZipBytes(b.bytes)) return null;
    const e = entriesOf(b.bytes);
    const k = r(e.length);
    const lie = { ...e[k]!, size: Math.max(0, e[k]!.size - 1 - r(100)) };
    return { bytes: zipRaw(e.map((x, i) => (i === k ? lie : x))), mutation: `entry ${lie.name} declares a smaller size` };
  },
  (b, r) => {
    if (!isZipBytes(b.bytes)) return null;
    const e = entriesOf(b.bytes);
    for (let i = e.length - 1; i > 0; i--) {
      const j = r(i + 1);
      [e[i], e[j]] = [e[j]!, e[i]!];
    }
    return { bytes: zipRaw(e), mutation: 'entries reordered', kept: true };
  },
  (b) => {
    if (!isZipBytes(b.bytes)) return null;
    const e = entriesOf(b.bytes);
    const main = e.find((x) => /document\.xml$|sheet1\.xml$/.test(x.name));
    if (!main) return null;
    const deep = strToU8(text(main.data).replace(/(<w:body>|<sheetData>)/, `$1${'<x>'.repeat(60_000)}${'</x>'.repeat(60_000)}`));
    return {
      bytes: zipRaw(e.map((x) => (x === main ? { ...x, data: deep, size: deep.length, crc: undefined } : x))),
      mutation: 'nesting 60,000 deep (CRC left wrong)',
    };
  },
  (b, r) => {
    if (b.name.endsWith('.html'))
      return { bytes: strToU8(text(b.bytes).replace('<table', `${'<div>'.repeat(50_000 + r(50_000))}<table`)), mutation: 'html nested 50,000+ deep' };
    if (b.name.endsWith('.gkreport')) return { bytes: strToU8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), mutation: 'json nested 100,000 deep' };
    return null;
  },
  (b, r) => {
    if (!/\.(txt|html)$/.test(b.name)) return null;
    const rows = 5_000 + r(25_000);
    const row = b.name.endsWith('.html') ? '<tr><td>行政许可</td><td>1</td><td>0</td><td>2</td></tr>' : '行政许可\t1\t0\t2\n';
    const t = text(b.bytes);
    const at = t.indexOf('二、');
    return {
      bytes: strToU8(
        `${t.slice(0, at + 20)}${b.name.endsWith('.html') ? '<table>' : '\n'}${row.repeat(rows)}${b.name.endsWith('.html') ? '</table>' : ''}${t.slice(at + 20)}`,
      ),
      mutation: `table of ${rows} rows`,
    };
  },
  (b, r) => {
    if (/\.(docx|xlsx|pdf|doc|xls|mht)$/.test(b.name)) return null;
    const n = 20_000 + r(100_000);
    const run = r(2) ? ' '.repeat(n) : '\u00a0'.repeat(n);
    const t = text(b.bytes);
    const at = r(t.length);
    return { bytes: strToU8(`${t.slice(0, at)}${run}甲${t.slice(at)}`), mutation: `${n} spaces before a letter at ${at}` };
  },
  (b, r) => {
    if (!/\.(txt|gkreport)$/.test(b.name)) return null;
    const n = 80_000 + r(240_000);
    const para = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1234条。';
    const huge = para.repeat(Math.ceil(n / para.length)).slice(0, n);
    if (b.name.endsWith('.gkreport')) {
      const j = JSON.parse(text(b.bytes)) as { narratives: Record<string, string> };
      j.narratives['overview'] = huge;
      return { bytes: strToU8(JSON.stringify(j)), mutation: `narrative of ${n} characters` };
    }
    return { bytes: strToU8(text(b.bytes).replace(/一、总体情况\n/, `一、总体情况\n${huge}\n`)), mutation: `narrative of ${n} characters` };
  },
  (b, r) => {
    if (!b.name.endsWith('.xlsx')) return null;
    const e = entriesOf(b.bytes);
    const wb = e.find((x) => x.name === 'xl/workbook.xml');
    if (!wb) return null;
    const many = strToU8(text(wb.data).replace(/<sheet [^>]*\/>/, (m) => m.repeat(200 + r(800))));
    return {
      bytes: zipRaw(e.map((x) => (x === wb ? { ...x, data: many, size: many.length, crc: undefined } : x))),
      mutation: 'one sheet listed hundreds of times (CRC left wrong)',
    };
  },
];

/** Case `id` of the seeded sequence: the same id always gives the same file. */
export const fuzzCase = (bases: readonly Base[], seed: number, id: number): FuzzCase => {
  const r = rng(seed * 1_000_003 + id);
  for (;;) {
    const base = bases[r(bases.length)]!;
    // the PDF is large and slow to parse: one case in ten that pick it
    if (base.name.endsWith('.pdf') && r(10) !== 0) continue;
    const m = MUTATORS[r(MUTATORS.length)]!(base, r);
    if (!m) continue;
    return { id, name: base.name, bytes: m.bytes, mutation: m.mutation, source: base.report, contentKept: m.kept === true };
  }
};

/** Message text that is raw parser/system English rather than a Chinese sentence (an allowed word list aside). */
export const rawEnglish = (message: string): boolean =>
  /[A-Za-z]{5,}/.test(
    message
      .replace(/「[^」]*」?|"[^"]*"/g, '')
      .replace(
        /\.(?:gkreport|docx|xlsx|html|txt|json|doc|wps|xls|mht|mhtml)\b|Word|Excel|OpenDocument|PowerPoint|LibreOffice|UTF-8|GB18030|ZIP64|ZIP|DOCTYPE|ENTITY|OpenXML|Office|PDF|HTML|[a-z]+\.xml|[\w/.[\]]+\.(?:xml|rels)|xl\/\w+|word\/\w+/g,
        '',
      ),
  );
