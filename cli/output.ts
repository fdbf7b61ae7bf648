/** Buffered writing to stdout/stderr: one write per 64 KB instead of one per line on big batches. */
export type Out = { write(s: string): void; flush(): void };

export const bufferedOut = (stream: NodeJS.WritableStream = process.stdout, limit = 64 * 1024): Out => {
  let buf = '';
  return {
    write(s) {
      buf += s;
      if (buf.length >= limit) {
        stream.write(buf);
        buf = '';
      }
    },
    flush() {
      if (buf) stream.write(buf);
      buf = '';
    },
  };
};

/** One CSV field, quoted when needed (RFC 4180). */
export const csvField = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (fields: readonly (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;
/** Excel only reads a UTF-8 CSV's Chinese correctly when the file starts with a BOM. */
export const CSV_BOM = '\ufeff';
