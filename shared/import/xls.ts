/**
 * Excel 97–2003 workbooks (.xls, BIFF8) in a Compound File: the Workbook stream's records give the shared strings
 * (SST), the sheets (BOUNDSHEET) and each sheet's cells (LABELSST, LABEL, NUMBER, RK, MULRK, a FORMULA's cached
 * value) and merged ranges; they are laid on the same sheet grid as .xlsx (xlsx-blocks.ts, same budgets) and read
 * by the same workbook reader. Every offset and count is checked against the stream before use.
 */
import type { ImportResult } from './types';
import { CfbError, type SafeCfb, u16, u32 } from './cfb';
import { readWorkbook } from './xlsx';
import { MAX_SHEETS, numberText, sheetBudget, sheetGrid, type MergedRange, type XlsxSheet } from './xlsx-blocks';
import { refusal } from './docx';
import { ZipError } from './zip';

const DAMAGED = 'Excel 文件已损坏或结构不受支持（工作簿记录无效），请在 Excel/WPS 中打开后“另存为” .xlsx 再导入';
const damaged = () => new CfbError(DAMAGED);

type Rec = { type: number; at: number; size: number };

/** The records from `from` to the EOF record (or the end), each inside the stream. */
const records = (w: Uint8Array, from: number): Rec[] => {
  const out: Rec[] = [];
  for (let at = from; at + 4 <= w.length;) {
    const type = u16(w, at);
    const size = u16(w, at + 2);
    if (at + 4 + size > w.length) throw damaged();
    out.push({ type, at: at + 4, size });
    at += 4 + size;
    if (type === 0x000a) break;
  }
  return out;
};

const f64 = (w: Uint8Array, o: number): number => new DataView(w.buffer, w.byteOffset + o, 8).getFloat64(0, true);

const rk = (v: number): number => {
  const n = v & 0x02 ? (v | 0) >> 2 : new DataView(Uint32Array.of(0, v & 0xfffffffc).buffer).getFloat64(0, true);
  return v & 0x01 ? n / 100 : n;
};

const chars = (w: Uint8Array, at: number, n: number, high: boolean): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(high ? u16(w, at + i * 2) : w[at + i]!);
  return s;
};

/** An XLUnicodeString (LABEL, STRING): 2-byte count, flags, characters. */
const unicodeString = (w: Uint8Array, at: number, end: number): string => {
  const cch = u16(w, at);
  const high = (w[at + 2]! & 1) !== 0;
  if (at + 3 + cch * (high ? 2 : 1) > end) throw damaged();
  return chars(w, at + 3, cch, high);
};

/** The shared strings: the SST record and its CONTINUE records, a string's characters may run across them. */
const sharedStrings = (w: Uint8Array, parts: readonly Rec[]): string[] => {
  let seg = 0;
  let pos = parts[0]!.at;
  const end = () => parts[seg]!.at + parts[seg]!.size;
  const next = () => {
    seg++;
    if (seg >= parts.length) throw damaged();
    pos = parts[seg]!.at;
  };
  const byte = () => {
    if (pos >= end()) next();
    return w[pos++]!;
  };
  const skip = (n: number) => {
    for (let left = n; left > 0;) {
      if (pos >= end()) next();
      const k = Math.min(left, end() - pos);
      pos += k;
      left -= k;
    }
  };
  const word = () => byte() | (byte() << 8);
  const dword = () => (word() | (word() << 16)) >>> 0;
  dword();
  const unique = dword();
  // every string takes at least three bytes: a count larger than the records could hold is a lie
  const room = parts.reduce((n, p) => n + p.size, 0);
  if (unique > room / 3) throw damaged();
  const out: string[] = [];
  for (let i = 0; i < unique; i++) {
    const cch = word();
    let flags = byte();
    const runs = flags & 0x08 ? word() : 0;
    const ext = flags & 0x04 ? dword() : 0;
    let s = '';
    for (let k = 0; k < cch;) {
      if (pos >= end()) {
        // a string cut by a CONTINUE record goes on with a fresh flags byte
        next();
        flags = w[pos++]!;
      }
      const high = (flags & 1) !== 0;
      const n = Math.min(cch - k, Math.floor((end() - pos) / (high ? 2 : 1)));
      if (n <= 0) throw damaged();
      s += chars(w, pos, n, high);
      pos += n * (high ? 2 : 1);
      k += n;
    }
    skip(runs * 4 + ext);
    out.push(s);
  }
  return out;
};

const readSheet = (w: Uint8Array, name: string, from: number, sst: readonly string[], budget: ReturnType<typeof sheetBudget>): XlsxSheet => {
  const g = sheetGrid(name, budget);
  const merges: MergedRange[] = [];
  const recs = records(w, from);
  for (let i = 0; i < recs.length; i++) {
    const { type, at, size } = recs[i]!;
    const end = at + size;
    if (type === 0x00fd && size >= 10) g.add(u16(w, at), u16(w, at + 2), sst[u32(w, at + 6)] ?? '');
    else if (type === 0x0204 && size >= 9) g.add(u16(w, at), u16(w, at + 2), unicodeString(w, at + 6, end));
    else if (type === 0x0203 && size >= 14) g.add(u16(w, at), u16(w, at + 2), numberText(String(f64(w, at + 6))));
    else if (type === 0x027e && size >= 10) g.add(u16(w, at), u16(w, at + 2), numberText(String(rk(u32(w, at + 6)))));
    else if (type === 0x00bd && size >= 6) {
      const row = u16(w, at);
      const first = u16(w, at + 2);
      for (let k = 0; at + 4 + k * 6 + 6 <= end - 2; k++) g.add(row, first + k, numberText(String(rk(u32(w, at + 4 + k * 6 + 2)))));
    } else if (type === 0x0006 && size >= 14) {
      const row = u16(w, at);
      const col = u16(w, at + 2);
      // a formula's cached value: a number, or (0xFFFF in its top bytes) a string held by the next STRING record
      if (u16(w, at + 12) !== 0xffff) g.add(row, col, numberText(String(f64(w, at + 6))));
      else if (w[at + 6] === 0) {
        const s = recs[i + 1];
        if (s && s.type === 0x0207 && s.size >= 3) g.add(row, col, unicodeString(w, s.at, s.at + s.size));
      }
    } else if (type === 0x00e5 && size >= 2) {
      const n = u16(w, at);
      for (let k = 0; k < n && at + 2 + k * 8 + 8 <= end; k++) {
        const o = at + 2 + k * 8;
        merges.push({ r1: u16(w, o), r2: u16(w, o + 2), c1: u16(w, o + 4), c2: u16(w, o + 6) });
      }
    }
  }
  return g.finish(merges);
};

/** The sheets of a BIFF8 workbook stream. Throws CfbError (damaged, encrypted, too old) or ZipError (budgets). */
export const xlsSheets = (w: Uint8Array): XlsxSheet[] => {
  if (w.length < 8 || u16(w, 0) !== 0x0809) throw damaged();
  if (u16(w, 4) !== 0x0600) throw new CfbError('这是 Excel 5.0/95 或更早版本的工作簿，格式太旧，暂不支持。请在 Excel/WPS 中打开后“另存为” .xlsx 再导入');
  const globals = records(w, 0);
  if (globals.some((r) => r.type === 0x002f))
    throw new CfbError('这个 Excel 文件设置了打开密码，无法读取。请在 Excel/WPS 中输入密码打开，取消密码后“另存为” .xlsx 再导入');
  const sstAt = globals.findIndex((r) => r.type === 0x00fc);
  const sst: string[] = [];
  if (sstAt >= 0) {
    const parts = [globals[sstAt]!];
    for (let k = sstAt + 1; k < globals.length && globals[k]!.type === 0x003c; k++) parts.push(globals[k]!);
    for (const s of sharedStrings(w, parts)) sst.push(s);
  }
  const budget = sheetBudget();
  const out: XlsxSheet[] = [];
  const seen = new Set<number>();
  for (const r of globals) {
    // BOUNDSHEET8 of a worksheet (dt 0): where its records begin, and its name
    if (r.type !== 0x0085 || r.size < 8 || w[r.at + 5] !== 0) continue;
    const pos = u32(w, r.at);
    if (pos + 4 > w.length || u16(w, pos) !== 0x0809 || seen.has(pos)) continue;
    seen.add(pos);
    if (seen.size > MAX_SHEETS) break;
    const cch = w[r.at + 6]!;
    const high = (w[r.at + 7]! & 1) !== 0;
    const name = r.at + 8 + cch * (high ? 2 : 1) <= r.at + r.size ? chars(w, r.at + 8, cch, high) : '';
    out.push(readSheet(w, name, pos, sst, budget));
  }
  if (!out.length) throw new CfbError('Excel 工作簿中没有可读取的工作表');
  return out;
};

export const importXls = (cfb: SafeCfb): ImportResult => {
  try {
    return readWorkbook(xlsSheets(cfb.read('Workbook')), 'xls', null);
  } catch (e) {
    return { ok: false, kind: 'xls', message: e instanceof CfbError || e instanceof ZipError ? e.message : refusal(e, 'Excel 文件') };
  }
};
