/**
 * A progress bar on stderr for long runs on a terminal. It stays silent when stderr is not a TTY
 * (pipes, CI, tests) and for short runs, so scripted output is never polluted.
 */

export type Progress = { tick(n?: number): void; done(): void };

const SILENT: Progress = { tick: () => {}, done: () => {} };
/** Only runs that last longer than this show a bar. */
const SHOW_AFTER_MS = 400;
const REDRAW_MS = 100;

export const createProgress = (total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (!stream.isTTY || total < 2) return SILENT;
  const start = Date.now();
  let count = 0;
  let lastDraw = 0;
  let drawn = false;
  const draw = () => {
    const now = Date.now();
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
    const filled = Math.round((count / total) * width);
    const secs = ((now - start) / 1000).toFixed(1);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}  ${secs} 秒`);
    lastDraw = now;
    drawn = true;
  };
  return {
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - start >= SHOW_AFTER_MS && now - lastDraw >= REDRAW_MS) draw();
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
};
