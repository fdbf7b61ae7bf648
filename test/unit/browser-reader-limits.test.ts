/**
 * The browser build's reader client (src-renderer/api/reader-client.ts) with a stand-in worker: a job
 * past the wall-clock limit terminates its worker and is refused in Chinese, the next file gets a fresh
 * worker, and a healthy worker is made once and reused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReaderClient, type ReaderReply, type ReaderRequest, type ReaderWorker } from '../../src-renderer/api/reader-client';
import type { ImportResult } from '../../shared/import/types';

type Stand = ReaderWorker & { terminated: boolean; got: ReaderRequest[] };

/** A worker that answers every request with `answer` (or never, when it is null). */
const standIn = (answer: ((r: ReaderRequest) => ImportResult) | null): Stand => {
  const w: Stand = {
    onmessage: null,
    onerror: null,
    terminated: false,
    got: [],
    postMessage(m) {
      w.got.push(m);
      if (answer) queueMicrotask(() => w.onmessage?.({ data: { id: m.id, ok: true, result: answer(m) } satisfies ReaderReply } as MessageEvent<ReaderReply>));
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
};

const refusedFine: ImportResult = { ok: false, message: '内容为空' };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the browser reader client', () => {
  it('terminates a worker that runs past 10 s, refuses the file in Chinese, and reads the next file in a fresh worker', async () => {
    const made: Stand[] = [standIn(null), standIn(() => refusedFine)];
    let n = 0;
    const client = createReaderClient(() => made[n++]!);
    const first = client.readFile('loops.docx', new Uint8Array([1, 2, 3]));
    const second = client.readText('第二份');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(made[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const r = await first;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('读取超过 10 秒仍未完成，已停止读取，程序和当前打开的报告不受影响');
    expect(made[0]!.terminated).toBe(true);
    expect(await second).toEqual(refusedFine);
    expect(n).toBe(2);
    expect(made[1]!.got.map((g) => g.task)).toEqual(['text']);
  });

  it('makes its worker on the first file only and reuses it', async () => {
    let n = 0;
    const client = createReaderClient(() => (n++, standIn(() => refusedFine)));
    expect(n).toBe(0);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) expect(await client.readFile(name, new Uint8Array(1))).toEqual(refusedFine);
    expect(n).toBe(1);
  });

  it('refuses the file in Chinese when the worker fails to start or dies', async () => {
    const w = standIn(null);
    const client = createReaderClient(() => w);
    const p = client.readFile('x.pdf', new Uint8Array(1));
    w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    const r = await p;
    expect(!r.ok && r.message).toContain('读取程序意外停止');
    expect(!r.ok && r.detail).toBe('boom');
    const failing = createReaderClient(() => {
      throw new Error('no workers here');
    });
    const f = await failing.readText('x');
    expect(!f.ok && f.message).toContain('读取程序意外停止');
  });
});
