/**
 * Reading untrusted Compound File Binary files (OLE2: Word 97–2003 .doc, WPS .wps, .xls), the container of the
 * old Office formats: a small FAT file system of 512- or 4096-byte sectors with a directory of named streams.
 *
 * Every structure is a chain of sector numbers that a damaged or hostile file can point anywhere: back onto itself
 * (a loop that never ends), past the end of the file, or at a size of gigabytes. So, as the zip reader does for
 * zip bombs, each limit is checked on what the header and directory declare BEFORE following or copying
 * anything: the sector size, the number of FAT/DIFAT/MiniFAT sectors against the file's size, every chain walked
 * with a visited set (a cycle is refused at its second visit), every stream's declared size against the file's
 * size and an absolute cap, the directory's entry count and its tree walked with a visited set.
 */

/** Thrown inside the import code only; every reader turns it into { ok: false, message }. */
export class CfbError extends Error {}

export type CfbLimits = {
  /** Directory entries: a Word file has a dozen, a big workbook a few hundred. */
  readonly maxEntries: number;
  /** Largest stream we copy out, in bytes (the whole file is at most 30 MB anyway). */
  readonly maxStreamSize: number;
};

export const DEFAULT_CFB_LIMITS: CfbLimits = { maxEntries: 4096, maxStreamSize: 32 * 1024 * 1024 };

export type SafeCfb = {
  /** The streams at the top level of the file (Word keeps its text there), by name. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The bytes of a top-level stream, or throws CfbError. */
  read(name: string): Uint8Array;
};

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isCfb = (b: Uint8Array): boolean => b.length >= 8 && SIGNATURE.every((x, i) => b[i] === x);

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

/** Little-endian reads, as every structure of a compound file and of a Word 97 document is stored. */
export const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
export const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** The clerk's words for the parts a refusal may name. */
const STREAM_LABELS: Record<string, string> = {
  WordDocument: 'Word 正文',
  '0Table': 'Word 索引表',
  '1Table': 'Word 索引表',
  Data: 'Word 数据区',
  'Root Entry': '小数据区',
  Workbook: 'Excel 工作簿数据',
};

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export const CFB_DAMAGED = '文件已损坏或不完整（旧版 Word/Excel/WPS 文件结构无效），可能下载或复制时被截断，请重新获取原文件';
const LOOP = '文件内部的扇区链首尾相接（循环引用），不是 Word/Excel/WPS 正常保存的文件（可能是恶意构造的文件），已拒绝读取';
const HOSTILE = '（可能是恶意构造的文件），已拒绝读取';

/** Reads the header, the FAT (through the DIFAT), the directory and the mini stream, checking each before use. */
export const openCfb = (b: Uint8Array, limits: CfbLimits = DEFAULT_CFB_LIMITS): SafeCfb => {
  if (!isCfb(b)) throw new CfbError('文件不是有效的旧版 Office 文件');
  if (b.length < 512) throw new CfbError(CFB_DAMAGED);
  const major = u16(b, 0x1a);
  const shift = u16(b, 0x1e);
  const miniShift = u16(b, 0x20);
  // version 3 uses 512-byte sectors, version 4 uses 4096: anything else is no file Office or WPS wrote
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || miniShift !== 6)
    throw new CfbError(`文件头声明的扇区大小（2^${shift} 字节）或版本（${major}）无效，不是 Word/Excel/WPS 正常保存的文件${HOSTILE}`);
  const sectorSize = 1 << shift;
  const miniSize = 1 << miniShift;
  // the header fills sector -1; a file whose last sector is cut short still has its whole sectors readable
  const sectorCount = Math.floor((b.length - sectorSize) / sectorSize) + (b.length % sectorSize ? 1 : 0);
  if (sectorCount <= 0) throw new CfbError(CFB_DAMAGED);
  const fatSectors = u32(b, 0x2c);
  const firstDir = u32(b, 0x30);
  const cutoff = u32(b, 0x38);
  const firstMiniFat = u32(b, 0x3c);
  const miniFatSectors = u32(b, 0x40);
  const firstDifat = u32(b, 0x44);
  const difatSectors = u32(b, 0x48);
  if (cutoff !== 4096) throw new CfbError(CFB_DAMAGED);
  if (fatSectors > sectorCount || difatSectors > sectorCount || miniFatSectors > sectorCount)
    throw new CfbError(`文件头声明的分配表大小（${Math.max(fatSectors, difatSectors, miniFatSectors)} 个扇区）超过文件本身（${sectorCount} 个扇区）${HOSTILE}`);

  const sectorAt = (n: number): Uint8Array => {
    if (n >= sectorCount) throw new CfbError(CFB_DAMAGED);
    const start = (n + 1) * sectorSize;
    const s = b.subarray(start, start + sectorSize);
    if (s.length === sectorSize) return s;
    const padded = new Uint8Array(sectorSize);
    padded.set(s);
    return padded;
  };

  // the FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain (each DIFAT sector ends with the next one's number)
  const fatList: number[] = [];
  for (let i = 0; i < 109 && fatList.length < fatSectors; i++) fatList.push(u32(b, 0x4c + i * 4));
  const perSector = sectorSize / 4;
  const seenDifat = new Set<number>();
  for (let d = firstDifat, k = 0; fatList.length < fatSectors; k++) {
    if (d === ENDOFCHAIN || d === FREESECT || k >= difatSectors) throw new CfbError(CFB_DAMAGED);
    if (seenDifat.has(d)) throw new CfbError(LOOP);
    seenDifat.add(d);
    const s = sectorAt(d);
    for (let i = 0; i < perSector - 1 && fatList.length < fatSectors; i++) fatList.push(u32(s, i * 4));
    d = u32(s, (perSector - 1) * 4);
  }
  const fat = new Uint32Array(fatSectors * perSector);
  fatList.forEach((n, i) => {
    if (n > MAXREGSECT) throw new CfbError(CFB_DAMAGED);
    const s = sectorAt(n);
    for (let j = 0; j < perSector; j++) fat[i * perSector + j] = u32(s, j * 4);
  });

  /** The sectors of a chain, at most `max` of them (the size says how many are needed), refused on a loop or a wild number. */
  const chain = (table: Uint32Array, first: number, max: number, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Uint8Array(limit);
    for (let n = first; n !== ENDOFCHAIN && out.length < max; n = table[n]!) {
      if (n >= limit || n >= table.length) throw new CfbError(CFB_DAMAGED);
      if (seen[n]) throw new CfbError(LOOP);
      seen[n] = 1;
      out.push(n);
    }
    return out;
  };
  const fatLimit = Math.min(sectorCount, fat.length);

  /** Copies `size` bytes of a chain of big sectors. */
  const readBig = (first: number, size: number): Uint8Array => {
    const need = Math.ceil(size / sectorSize);
    const sectors = chain(fat, first, need, fatLimit);
    if (sectors.length < need) throw new CfbError(CFB_DAMAGED);
    const out = new Uint8Array(size);
    sectors.forEach((n, i) => out.set(sectorAt(n).subarray(0, Math.min(sectorSize, size - i * sectorSize)), i * sectorSize));
    return out;
  };

  // the directory: a chain of 128-byte entries, as many as the file can hold and at most maxEntries
  const dirSectors = chain(fat, firstDir, sectorCount, fatLimit);
  const entryCount = dirSectors.length * (sectorSize / 128);
  if (entryCount > limits.maxEntries)
    throw new CfbError(`文件内的条目过多（${entryCount} 个，上限 ${limits.maxEntries} 个），不像正常的 Word/Excel/WPS 文件，已拒绝读取`);
  const dir = new Uint8Array(dirSectors.length * sectorSize);
  dirSectors.forEach((n, i) => dir.set(sectorAt(n), i * sectorSize));
  type Entry = { name: string; type: number; left: number; right: number; child: number; start: number; size: number };
  const entry = (i: number): Entry => {
    const o = i * 128;
    const nameLen = Math.min(u16(dir, o + 0x40), 64);
    let name = '';
    for (let k = 0; k + 1 < nameLen - 1; k += 2) name += String.fromCharCode(u16(dir, o + k));
    // version 3 files may leave garbage in the high half of the size
    const high = major === 4 ? u32(dir, o + 0x7c) : 0;
    return {
      name,
      type: dir[o + 0x42]!,
      left: u32(dir, o + 0x44),
      right: u32(dir, o + 0x48),
      child: u32(dir, o + 0x4c),
      start: u32(dir, o + 0x74),
      size: high ? Number.MAX_SAFE_INTEGER : u32(dir, o + 0x78),
    };
  };
  if (entryCount === 0) throw new CfbError(CFB_DAMAGED);
  const root = entry(0);
  if (root.type !== 5) throw new CfbError(CFB_DAMAGED);

  const streams = new Map<string, Entry>();
  // the top level's entries form a red-black tree under the root's child: walked with a visited set and an explicit stack
  const seen = new Uint8Array(entryCount);
  const stack: number[] = root.child === NOSTREAM ? [] : [root.child];
  while (stack.length) {
    const i = stack.pop()!;
    if (i >= entryCount) throw new CfbError(CFB_DAMAGED);
    if (seen[i]) throw new CfbError('文件目录中有循环引用，不是 Word/Excel/WPS 正常保存的文件（可能是恶意构造的文件），已拒绝读取');
    seen[i] = 1;
    const e = entry(i);
    if (e.type === 2 && !streams.has(e.name)) streams.set(e.name, e);
    if (e.left !== NOSTREAM) stack.push(e.left);
    if (e.right !== NOSTREAM) stack.push(e.right);
  }

  const tooBig = (stream: string, size: number, room: number): CfbError => {
    const name = STREAM_LABELS[stream] ?? stream;
    return new CfbError(
      size > limits.maxStreamSize
        ? `文件内「${name}」的声明大小（${MB(size)}）超过 ${MB(limits.maxStreamSize)} 的上限，不像正常的 Word/Excel/WPS 文件${HOSTILE}`
        : `文件内「${name}」的声明大小（${MB(size)}）超过文件本身可容纳的大小（${MB(room)}），文件已损坏${HOSTILE}`,
    );
  };

  // the mini stream (small streams live in it, 64 bytes a sector) is read only when a small stream is asked for
  let mini: { data: Uint8Array; fat: Uint32Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const room = sectorCount * sectorSize;
    if (root.size > room || root.size > limits.maxStreamSize) throw tooBig('Root Entry', root.size, room);
    const data = readBig(root.start, root.size);
    const miniFatBytes = readBig(firstMiniFat, miniFatSectors * sectorSize);
    const mf = new Uint32Array(miniFatSectors * perSector);
    for (let i = 0; i < mf.length; i++) mf[i] = u32(miniFatBytes, i * 4);
    mini = { data, fat: mf };
    return mini;
  };

  return {
    names: [...streams.keys()],
    has: (name) => streams.has(name),
    read: (name) => {
      const e = streams.get(name);
      if (!e) throw new CfbError(`文件内没有「${STREAM_LABELS[name] ?? name}」部分，文件已损坏或不是 Word 文档`);
      if (e.size >= cutoff) {
        const room = sectorCount * sectorSize;
        if (e.size > room || e.size > limits.maxStreamSize) throw tooBig(name, e.size, room);
        return readBig(e.start, e.size);
      }
      const m = miniStream();
      const room = m.data.length;
      if (e.size > room) throw tooBig(name, e.size, room);
      const need = Math.ceil(e.size / miniSize);
      const sectors = chain(m.fat, e.start, need, Math.min(m.fat.length, Math.ceil(room / miniSize)));
      if (sectors.length < need) throw new CfbError(CFB_DAMAGED);
      const out = new Uint8Array(e.size);
      sectors.forEach((n, i) => out.set(m.data.subarray(n * miniSize, n * miniSize + Math.min(miniSize, e.size - i * miniSize)), i * miniSize));
      return out;
    },
  };
};
