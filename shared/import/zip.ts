/**
 * Reading untrusted zip files (.docx, .xlsx) safely and quickly, in Node and in the browser.
 *
 * The central directory is parsed here rather than trusted to a library so that every limit is
 * checked on the declared sizes BEFORE anything is inflated: a zip bomb that declares its size is
 * refused at once. Entries are then inflated with fflate's streaming Inflate in small compressed
 * slices, so a bomb that lies about its size is stopped after the first slice that overshoots,
 * without ever holding the lie in memory (a host may register Node's zlib instead, under the same bound:
 * useNativeZip). The CRC-32 of each entry is verified, so a damaged or truncated archive is refused instead
 * of read half.
 */
import { Inflate } from 'fflate';

export type ZipLimits = {
  /** Most entries a Word or Excel file of ours would ever hold is a few dozen; 2,000 is generous. */
  readonly maxEntries: number;
  /**
   * Largest inflated size of one entry we read (an XML part), in bytes: checked on the declared size
   * before inflating it. Parts we never read (images) only count towards the total.
   */
  readonly maxEntrySize: number;
  /** Largest inflated size of all entries together, in bytes. */
  readonly maxTotalSize: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntrySize: 5 * 1024 * 1024, maxTotalSize: 50 * 1024 * 1024 };

/** Thrown inside the import code only; every reader turns it into { ok: false, message }. */
export class ZipError extends Error {}

export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
};

export type SafeZip = {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The inflated bytes of an entry, or throws ZipError (damaged entry, size larger than declared). */
  read(name: string): Uint8Array;
};

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Slicing-by-4 tables (table k: the CRC of a byte followed by k zero bytes): four bytes per step, ~3x the speed of one. */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

export const crc32 = (data: Uint8Array, crc = 0): number => {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
};

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) &&
  (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');

const findEndOfCentralDirectory = (b: Uint8Array): number => {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  return -1;
};

const DAMAGED = '文件已损坏或不完整（压缩包结构无效），可能下载或复制时被截断，请重新获取原文件';

/** Lists the entries from the central directory and checks the count and total size on the declared sizes. */
export const listZip = (b: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] => {
  if (!isZip(b)) throw new ZipError('文件不是有效的压缩包（.docx/.xlsx 文件应为 ZIP 格式）');
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw new ZipError(DAMAGED);
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 格式的超大压缩包');
  if (count > limits.maxEntries) throw new ZipError(`压缩包内文件过多（${count} 个，上限 ${limits.maxEntries} 个），不像正常的 Word/Excel 文件，已拒绝读取`);
  if (cdOffset + cdSize > eocd) throw new ZipError(DAMAGED);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError(DAMAGED);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    if (p + 46 + nameLen > b.length) throw new ZipError(DAMAGED);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipError('文件已加密（设置了打开密码），请在 Word/Excel 中取消密码后另存再导入');
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipError('不支持 ZIP64 格式的超大压缩包');
    if (method !== 0 && method !== 8) throw new ZipError(`压缩包使用了不支持的压缩方式（${method}），请在 Word/Excel 中另存为 .docx/.xlsx 后再导入`);
    total += size;
    if (total > limits.maxTotalSize)
      throw new ZipError(`压缩包解压后总大小超过 ${MB(limits.maxTotalSize)} 的上限（已达 ${MB(total)}，可能是“压缩炸弹”），已拒绝读取`);
    if (localOffset + 30 > b.length) throw new ZipError(DAMAGED);
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
  }
  checkLayout(b, entries, cdOffset);
  return entries;
};

/** Word and Excel never write these; a tool that tampers with a file does, so that two readers see two different documents. */
const TAMPERED = '，这不是 Word/Excel 正常保存的文件（可能被篡改），已拒绝读取；请在 Word/Excel 中打开后“另存为”一份再导入';

/** Part names as a reader looks them up: OPC names are case-insensitive, separators and a leading slash vary. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

/**
 * One part per name, each entry's local header and data inside the area before the central directory,
 * no two entries sharing bytes, and no local entry hidden in the gaps that the directory does not list.
 */
const checkLayout = (b: Uint8Array, entries: readonly ZipEntry[], cdOffset: number): void => {
  const names = new Set<string>();
  for (const e of entries) {
    const key = partKey(e.name);
    if (names.has(key)) throw new ZipError(`压缩包内有两个同名的部件「${e.name}」${TAMPERED}`);
    names.add(key);
  }
  const spans = entries.map((e) => {
    const lo = e.localOffset;
    if (lo + 30 > cdOffset || u32(b, lo) !== 0x04034b50) throw new ZipError(`压缩包内「${e.name}」不在文件目录所指的位置${TAMPERED}`);
    const end = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28) + e.compressedSize;
    if (end > cdOffset) throw new ZipError(`压缩包内「${e.name}」的数据超出了文件目录的范围${TAMPERED}`);
    return { e, lo, end };
  });
  spans.sort((x, y) => x.lo - y.lo);
  let covered = 0;
  for (const s of spans) {
    if (s.lo < covered) throw new ZipError(`压缩包内「${s.e.name}」与其他部件占用了同一段数据${TAMPERED}`);
    if (hasLocalHeader(b, covered, s.lo)) throw new ZipError(`压缩包内有文件目录未列出的隐藏部件${TAMPERED}`);
    covered = s.end;
  }
  if (hasLocalHeader(b, covered, cdOffset)) throw new ZipError(`压缩包内有文件目录未列出的隐藏部件${TAMPERED}`);
};

/** A local file header signature (PK\x03\x04) in b[from, to): an entry the central directory does not list. */
const hasLocalHeader = (b: Uint8Array, from: number, to: number): boolean => {
  for (let i = from; i + 30 <= to; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 3 && b[i + 3] === 4) return true;
  return false;
};

/**
 * Compressed bytes are fed in slices that start small and double: a lie about the size is caught
 * after little work (the first slice inflates to at most ~1 MB, deflate tops out near 1:1032),
 * while an honest large part still inflates in few calls.
 */
const FIRST_SLICE = 1024;
const MAX_SLICE = 16 * 1024;

/**
 * What a host can do faster natively, registered once by the reader workers (src-main/native-zip.ts: Node's zlib,
 * ~5× fflate; the browser keeps fflate). inflateRaw gives the inflated bytes of a raw deflate stream, stopping as
 * soon as they would pass maxSize ('too-large': never more than maxSize bytes are held), 'truncated' when the
 * stream ends early, and throws on damaged data; crc32 is the zip's CRC-32.
 */
export type NativeZip = {
  inflateRaw(data: Uint8Array, maxSize: number): Uint8Array | 'too-large' | 'truncated';
  crc32(data: Uint8Array): number;
};
let native: NativeZip | null = null;
export const useNativeZip = (n: NativeZip | null): void => {
  native = n;
};

const tooLarge = (e: ZipEntry) => new ZipError(`压缩包内「${e.name}」的实际大小超过其声明的大小（可能是“压缩炸弹”或文件已损坏），已拒绝读取`);
const incomplete = (e: ZipEntry) => new ZipError(`压缩包内「${e.name}」数据不完整或已损坏，无法解压`);
const damaged = (e: ZipEntry) => new ZipError(`压缩包内「${e.name}」数据已损坏，无法解压`);

const inflateWithFflate = (data: Uint8Array, e: ZipEntry): Uint8Array => {
  const out = new Uint8Array(e.size);
  let n = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    if (n + chunk.length > e.size) throw tooLarge(e);
    out.set(chunk, n);
    n += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0, slice = FIRST_SLICE; i < data.length && !done; i += slice, slice = Math.min(slice * 2, MAX_SLICE))
      inf.push(data.subarray(i, Math.min(i + slice, data.length)), i + slice >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw damaged(e);
  }
  if (!done || n !== e.size) throw incomplete(e);
  return out;
};

const inflateNatively = (n: NativeZip, data: Uint8Array, e: ZipEntry): Uint8Array => {
  let out: Uint8Array | 'too-large' | 'truncated';
  try {
    out = n.inflateRaw(data, e.size);
  } catch {
    throw damaged(e);
  }
  if (out === 'too-large') throw tooLarge(e);
  if (out === 'truncated') throw incomplete(e);
  if (out.length > e.size) throw tooLarge(e);
  if (out.length !== e.size) throw incomplete(e);
  return out;
};

const inflateEntry = (b: Uint8Array, e: ZipEntry, limits: ZipLimits): Uint8Array => {
  if (e.size > limits.maxEntrySize)
    throw new ZipError(`压缩包内「${e.name}」解压后达 ${MB(e.size)}，超过单个部件 ${MB(limits.maxEntrySize)} 的上限（可能是“压缩炸弹”），已拒绝读取`);
  const lo = e.localOffset;
  if (u32(b, lo) !== 0x04034b50) throw new ZipError(DAMAGED);
  const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new ZipError(DAMAGED);
  const data = b.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError(DAMAGED);
    out = data.slice();
  } else out = native ? inflateNatively(native, data, e) : inflateWithFflate(data, e);
  if ((native ? native.crc32(out) : crc32(out)) !== e.crc) throw new ZipError(`压缩包内「${e.name}」校验失败（CRC 不符），文件已损坏`);
  return out;
};

/** Opens a zip for reading; throws ZipError with a Chinese message if it is not a zip or breaks a limit. */
export const openZip = (bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): SafeZip => {
  const entries = listZip(bytes, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/\\/g, '/').replace(/^\//, ''), e);
  return {
    names: [...byName.keys()],
    has: (name) => byName.has(name),
    read: (name) => {
      const e = byName.get(name);
      if (!e) throw new ZipError(`压缩包内缺少「${name}」`);
      return inflateEntry(bytes, e, limits);
    },
  };
};

/** Bytes of an XML part as text: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export const decodeXmlBytes = (b: Uint8Array): string => {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return utf8.decode(b);
};
