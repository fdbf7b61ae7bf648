/**
 * The browser build's reader: untrusted files and pasted report text are parsed here, in a Web Worker,
 * never on the thread that draws the editor — a file that loops costs this worker only (the page
 * terminates it after its time limit, see reader-client.ts). pdf.js runs in-thread inside this worker
 * (its fake worker), so no nested worker and no script to locate.
 */
import type { ReaderReply, ReaderRequest } from './reader-client';
import { runReaderTask } from './reader-tasks';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReaderRequest>) => void) | null; postMessage(m: ReaderReply): void };

scope.onmessage = (e) => {
  const req = e.data;
  runReaderTask(req).then(
    (result) => scope.postMessage({ id: req.id, ok: true, result }),
    (err: unknown) => scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
