/**
 * Node's zlib for the zip reader (shared/import/zip.ts), registered by the reader workers of the desktop app and
 * the command line: inflating and checking a Word or Excel file's parts natively is ~5× faster than fflate in
 * JavaScript (bench/cli.bench.ts). The output is bounded by the part's declared size exactly as fflate's is.
 */
import * as zlib from 'node:zlib';
import { crc32 as jsCrc32, useNativeZip, type NativeZip } from '../shared/import/zip';

// zlib.crc32 came with Node 20.15 and 22.2; an Electron whose Node is older keeps the JavaScript one
const nativeCrc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : null;

export const NODE_ZIP: NativeZip = {
  inflateRaw: (data, maxSize) => {
    try {
      // zlib stops and throws as soon as its output would pass maxOutputLength, so a lie is never held in memory
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
      if (code === 'Z_BUF_ERROR' || (e as { errno?: number }).errno === zlib.constants.Z_BUF_ERROR) return 'truncated';
      throw e;
    }
  },
  crc32: (data) => (nativeCrc32 ? nativeCrc32(data) : jsCrc32(data)),
};

/** Called once at a reader worker's start. */
export const useNodeZip = (): void => useNativeZip(NODE_ZIP);
