/**
 * Tampering with a real Compound File (a .doc LibreOffice wrote) the way a hostile or damaged file would be:
 * chains that loop or run into free sectors, a directory whose tree points back on itself, sizes beyond the file,
 * an absurd sector size. Each function returns a changed copy; the layout is found by reading the header and
 * directory here, independently of shared/import/cfb.ts.
 */
const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const put32 = (b: Uint8Array, o: number, v: number) => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
};

type Layout = {
  size: number;
  /** Byte offset of FAT entry n. */
  fatAt: (n: number) => number;
  /** Byte offset of directory entry i. */
  dirAt: (i: number) => number;
  /** The directory index of a stream by name. */
  entry: (name: string) => number;
  /** The directory index of the document's own stream: WordDocument, else Workbook. */
  main: () => number;
};

const layout = (b: Uint8Array): Layout => {
  const size = 1 << u16(b, 0x1e);
  const per = size / 4;
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, u32(b, 0x2c)); i++) fatSectors.push(u32(b, 0x4c + i * 4));
  const fatAt = (n: number) => (fatSectors[Math.floor(n / per)]! + 1) * size + (n % per) * 4;
  const dirSectors: number[] = [];
  for (let s = u32(b, 0x30); s !== 0xfffffffe && dirSectors.length < 1000; s = u32(b, fatAt(s))) dirSectors.push(s);
  const dirAt = (i: number) => (dirSectors[Math.floor(i / (size / 128))]! + 1) * size + (i % (size / 128)) * 128;
  const entry = (name: string) => {
    for (let i = 0; i < dirSectors.length * (size / 128); i++) {
      const o = dirAt(i);
      const len = u16(b, o + 0x40);
      let n = '';
      for (let k = 0; k + 2 < len; k += 2) n += String.fromCharCode(u16(b, o + k));
      if (n === name) return i;
    }
    throw new Error(`no stream ${name}`);
  };
  const main = () => {
    try {
      return entry('WordDocument');
    } catch {
      return entry('Workbook');
    }
  };
  return { size, fatAt, dirAt, entry, main };
};

const copy = (b: Uint8Array) => Uint8Array.from(b);

/** The document stream's (WordDocument, Workbook) first sector points back to itself. */
export const fatCycle = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  const start = u32(b, l.dirAt(l.main()) + 0x74);
  put32(b, l.fatAt(start), start);
  return b;
};

/** The document stream's chain runs into a free sector (0xFFFFFFFF) after its first sector. */
export const freeSectorChain = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  const start = u32(b, l.dirAt(l.main()) + 0x74);
  put32(b, l.fatAt(start), 0xffffffff);
  return b;
};

/** The root's first child names itself as its left sibling: a directory tree that loops. */
export const directoryCycle = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  const child = u32(b, l.dirAt(0) + 0x4c);
  put32(b, l.dirAt(child) + 0x44, child);
  return b;
};

/** A stream (the document's own when none is named) declares 2 GB. */
export const streamBeyondFile = (doc: Uint8Array, name?: string): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  put32(b, l.dirAt(name ? l.entry(name) : l.main()) + 0x78, 0x7fffffff);
  return b;
};

/** The mini stream (the root entry's size) declares 1.9 GB. */
export const hugeMiniStream = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  put32(b, l.dirAt(0) + 0x78, 0x7fff0000);
  return b;
};

/** The header says sectors are 2^20 bytes. */
export const absurdSectorSize = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  b[0x1e] = 20;
  return b;
};

/** The header declares 3 million FAT sectors. */
export const hugeFat = (doc: Uint8Array): Uint8Array => {
  const b = copy(doc);
  put32(b, 0x2c, 3_000_000);
  return b;
};

/** Sets a bit of the Word document's FIB flags (0x0100: fEncrypted). */
export const setFibFlag = (doc: Uint8Array, bit: number): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  const start = u32(b, l.dirAt(l.main()) + 0x74);
  const o = (start + 1) * l.size + 0x0a;
  const v = u16(b, o) | bit;
  b[o] = v & 0xff;
  b[o + 1] = v >> 8;
  return b;
};

/** Renames a top-level stream (same length or shorter), e.g. WordDocument → Workbook: an .xls to the reader. */
export const renameStream = (doc: Uint8Array, from: string, to: string): Uint8Array => {
  const b = copy(doc);
  const l = layout(b);
  const o = l.dirAt(l.entry(from));
  b.fill(0, o, o + 64);
  for (let i = 0; i < to.length; i++) {
    b[o + i * 2] = to.charCodeAt(i) & 0xff;
    b[o + i * 2 + 1] = to.charCodeAt(i) >> 8;
  }
  b[o + 0x40] = (to.length + 1) * 2;
  b[o + 0x41] = 0;
  return b;
};

/** The first half of the file. */
export const truncated = (doc: Uint8Array): Uint8Array => doc.slice(0, Math.floor(doc.length / 2));

/**
 * Where byte `at` of a top-level stream lies in the file, following its sector chain (a stream of 4,096 bytes or
 * more, which is kept in regular sectors, as a Word document's WordDocument and table streams are).
 */
export const streamFileOffset = (doc: Uint8Array, name: string, at: number): number => {
  const l = layout(doc);
  const o = l.dirAt(l.entry(name));
  if (u32(doc, o + 0x78) < 4096) throw new Error(`${name} is in the mini stream`);
  let s = u32(doc, o + 0x74);
  for (let k = Math.floor(at / l.size); k > 0; k--) s = u32(doc, l.fatAt(s));
  return (s + 1) * l.size + (at % l.size);
};
