/**
 * Opening files: hostile files must be refused in well under a second (target ≤ 250 ms each,
 * median of 5 runs, and the worst run ≤ 500 ms), and real reports read quickly (≤ 300 ms median).
 * Also the heap growth while refusing a 1 GB zip bomb (target ≤ 64 MB), the bomb that lies within the
 * 5 MB part limit (≤ 500 ms: it must really be inflated to 5 MB to catch the lie), and the largest part the
 * limits let through, 5 MB of dense XML (≤ 3 s: the cost of parsing it, which the part limit bounds).
 * Run: npx tsx bench/import.bench.ts   (or npm run bench import)
 */
import { strToU8 } from 'fflate';
import { buildDocx } from '../shared/export/docx';
import { buildXlsx } from '../shared/export/xlsx';
import { importReportFile } from '../shared/import';
import { importText } from '../shared/import/text';
import { serialiseReport } from '../shared/report/document';
import { reportDocx, zipBombDocx, zipDocx, zipRaw } from '../test/helpers/make-docx';
import { rng } from '../test/helpers/random-report';
import { readFileSync } from 'node:fs';
import { buildHtml } from '../shared/export/html';
import { absurdSectorSize, directoryCycle, fatCycle, hugeFat, hugeMiniStream, streamBeyondFile, truncated } from '../test/helpers/cfb-tamper';
import { makeMht } from '../test/helpers/make-mht';
import { SEED_FILES, seedReport, seedText } from '../test/helpers/seeds';

const RUNS = 5;
let missed = 0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const measure = async (what: string, name: string, bytes: Uint8Array, expectOk: boolean, targetMs: number) => {
  const times: number[] = [];
  let last = '';
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await importReportFile(name, bytes);
    times.push(performance.now() - t);
    if (r.ok !== expectOk) throw new Error(`${what}: expected ok=${expectOk}, got ${JSON.stringify(r).slice(0, 200)}`);
    last = r.ok ? `${r.kind}, ${Object.values(r.stats.found).reduce((a, b) => a + b, 0)} 格` : r.message.slice(0, 48);
  }
  const med = median(times);
  const max = Math.max(...times);
  const ok = med <= targetMs && max <= targetMs * 2;
  if (!ok) missed++;
  console.log(
    `${what.padEnd(40)} ${(bytes.length / 1024).toFixed(0).padStart(7)} KB  median ${med.toFixed(1).padStart(7)} ms  max ${max.toFixed(1).padStart(7)} ms  target ≤ ${targetMs} ms  ${ok ? 'OK' : 'MISSED'}  ${last}`,
  );
};

const r = rng(42);
const randomBytes = Uint8Array.from({ length: 1_000_000 }, () => r(256));
const seed = (() => {
  const t = importText(seedText(SEED_FILES[0]!));
  return { ...seedReport(SEED_FILES[0]!), narratives: t.ok ? t.report.narratives : seedReport(SEED_FILES[0]!).narratives };
})();
const good = reportDocx(seed);
const LOL = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;

console.log('hostile files (refused):');
await measure('zip bomb 1 GB, size declared', '年报.docx', zipBombDocx(1024 ** 3), false, 250);
await measure('zip bomb 1 GB, declares 2 KB', '年报.docx', zipBombDocx(1024 ** 3, 2000), false, 250);
await measure('zip bomb 1 GB, declares 5 MB (worst)', '年报.docx', zipBombDocx(1024 ** 3, 5 * 1024 * 1024 - 1), false, 500);
await measure(
  '2,001 entries',
  '年报.docx',
  zipRaw(Array.from({ length: 2001 }, (_, i) => ({ name: `p${i}.xml`, data: strToU8('x'), method: 0 as const, size: 1 }))),
  false,
  250,
);
await measure('DOCTYPE/entity expansion', '年报.docx', zipDocx(LOL), false, 250);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
await measure(
  'elements nested 50,000 deep',
  '年报.docx',
  zipDocx(
    `<w:document xmlns:w="${W}"><w:body>${'<w:sdt><w:sdtContent>'.repeat(25_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(25_000)}</w:body></w:document>`,
  ),
  false,
  250,
);
await measure('truncated zip', '年报.docx', good.subarray(0, good.length >> 1), false, 250);
await measure('50 MB file', '年报.docx', new Uint8Array(50 * 1024 * 1024), false, 250);
await measure('.docx that is really .txt', '年报.docx', strToU8(seedText(SEED_FILES[0]!)), false, 250);
await measure('1 MB of random bytes', '年报.docx', randomBytes, false, 250);

const doc = new Uint8Array(readFileSync(new URL('../test/fixtures/doc/libreoffice-xiuwu-county.doc', import.meta.url)));
await measure('.doc: FAT chain loops', '年报.doc', fatCycle(doc), false, 250);
await measure('.doc: directory tree loops', '年报.doc', directoryCycle(doc), false, 250);
await measure('.doc: stream declares 2 GB', '年报.doc', streamBeyondFile(doc), false, 250);
await measure('.doc: mini stream declares 2 GB', '年报.doc', hugeMiniStream(doc), false, 250);
await measure('.doc: 1 MB sectors', '年报.doc', absurdSectorSize(doc), false, 250);
await measure('.doc: 3 million FAT sectors', '年报.doc', hugeFat(doc), false, 250);
await measure('.doc: truncated', '年报.doc', truncated(doc), false, 250);
const htmlPage = await buildHtml(seed);
await measure('.mht: 2,005 parts', '年报.mht', makeMht(htmlPage, { partsBefore: 2005 }), false, 250);
await measure('.mht: page of 18 MB (base64)', '年报.mht', makeMht(`<p>${'甲'.repeat(6_000_000)}</p>`, { encoding: 'base64' }), false, 250);

// not hostile, only large: the biggest document.xml allowed, filled with paragraphs (no report in it)
const para = '<w:p><w:r><w:t>正文一段文字。</w:t></w:r></w:p>';
const big = `<w:document xmlns:w="${W}"><w:body>${para.repeat(Math.floor((5 * 1024 * 1024 - 200) / (para.length + 14)))}</w:body></w:document>`;
await measure('largest part allowed (5 MB of text)', '年报.docx', zipDocx(big), false, 3000);

console.log('\nreal reports (read):');
await measure('Word, made by others (raw OOXML)', '年报.docx', good, true, 300);
await measure('Word, our export', '年报.docx', await buildDocx(seed), true, 300);
await measure('Excel, our export', '年报.xlsx', await buildXlsx(seed), true, 300);
await measure('our own file (.gkreport)', '年报.gkreport', strToU8(serialiseReport(seed)), true, 300);
await measure('published text (.txt)', '年报.txt', strToU8(seedText(SEED_FILES[0]!)), true, 300);
await measure('Word 97–2003 .doc (LibreOffice)', '年报.doc', doc, true, 300);
await measure('page saved as one file (.mht, GBK)', '年报.mht', makeMht(htmlPage, { bytes: 'gbk', charset: 'gb2312' }), true, 300);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
let peak = 0;
const bomb = zipBombDocx(1024 ** 3, 5 * 1024 * 1024 - 1);
gc?.();
const base = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers)), 1);
await importReportFile('年报.docx', bomb);
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
const growth = (peak - base) / 1024 / 1024;
const memOk = growth <= 64;
if (!memOk) missed++;
console.log(
  `\nmemory growth refusing a 1 GB bomb (worst)  ${growth.toFixed(1)} MB  target ≤ 64 MB  ${memOk ? 'OK' : 'MISSED'}  (rss before ${(before.rss / 1024 / 1024).toFixed(0)} MB${gc ? '' : ', run with --expose-gc for a steadier figure'})`,
);

process.exit(missed ? 1 : 0);
