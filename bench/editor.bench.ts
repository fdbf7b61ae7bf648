/**
 * The editor in Chromium on a full report (the built page, as shipped):
 *   - keydown in a 表三 cell → findings panel updated in the DOM (p95 ≤ 8 ms, max ≤ 16 ms over 200 keystrokes)
 *   - keydown → next painted frame (p95 within two frames, 33.3 ms)
 *   - initial load of the built page → interactive (≤ 500 ms)
 *   - initial JS (gzip) ≤ 300 KB (export libraries are loaded lazily)
 * Run: npx tsx bench/editor.bench.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { serialiseReport } from '../shared/report/document';
import { randomConsistentReport } from '../test/helpers/random-report';
import { RENDERER_DIR, ensureRendererBuilt, launchChromium } from '../test/e2e/helpers/browser';
import { serveStatic } from '../test/e2e/helpers/static-server';
import { waitForIdle } from './helpers/idle';

const KEYSTROKES = 200;
const PACE_MS = 100;
const FRAME_MS = 1000 / 60;
const LOAD_RUNS = 10;
const LOAD_SETTLE_MS = 2000;

/**
 * What a load is measured by, all from the page's own clock (ms since navigation start):
 *   ready: the first screen (toolbar, header, 一、表二, findings) drawn and painted, its handlers attached;
 *   complete: every section in the DOM; lastLongTask: the end of the last main-thread task over 50 ms.
 * interactive = the later of ready and the end of every long task up to complete: from then on the editor is
 * on screen and answers a keystroke within 50 ms (the Time-to-Interactive idea, without its 5 s quiet window).
 */
type LoadTimes = { ready: number; complete: number; fcp: number; interactive: number; longest: number; longAfterReady: number };
const RECORD_LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;
const READ_LOAD_TIMES = `(() => {
  const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
  const ready = mark('editor-ready'), complete = mark('editor-complete'), fcp = mark('first-contentful-paint');
  const long = window.__longTasks.filter(([s]) => s <= complete);
  const ends = long.map(([s, d]) => s + d);
  return { ready, complete, fcp, interactive: Math.max(ready, ...ends), longest: Math.max(0, ...long.map(([, d]) => d)), longAfterReady: Math.max(0, ...long.filter(([s]) => s >= ready).map(([, d]) => d)) };
})()`;

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
};

/**
 * CPU time the page's main thread spent, from a Chromium trace (thread time, so it does not grow when
 * other processes compete for the CPU the way wall-clock time does).
 */
const mainThread = (events: TraceEvent[]) => {
  const meta = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EventDispatch'),
  );
  return meta ? events.filter((e) => e.pid === meta.pid && e.tid === meta.tid) : [];
};
const tasks = (evs: TraceEvent[]) =>
  evs.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const inside = (outer: TraceEvent, e: TraceEvent) => e.ts >= outer.ts && e.ts <= outer.ts + (outer.dur ?? 0);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const median = (xs: number[]) => pct(xs, 50);

let missed = 0;
const line = (what: string, value: number, unit: string, target: number) => {
  const ok = value <= target;
  if (!ok) missed++;
  console.log(
    `${what.padEnd(44)} ${value.toFixed(unit === 'KB' ? 1 : 2).padStart(9)} ${unit.padEnd(3)}  target ≤ ${target.toFixed(unit === 'KB' ? 0 : 1)} ${unit}  ${ok ? 'OK' : 'MISSED'}`,
  );
};

ensureRendererBuilt();
const idleAtStart = await waitForIdle();

// 1. initial JS: the entry module and everything it preloads, gzip-compressed
const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const initialGzip = initial.reduce((a, f) => a + gzipSync(readFileSync(join(RENDERER_DIR, f)), { level: 9 }).length, 0) / 1024;

const server = await serveStatic(RENDERER_DIR);
const browser = await launchChromium();
try {
  // 2. load → interactive, in fresh contexts (a new renderer process and empty caches each time, as on a first visit).
  // Nothing polls the page while it loads (Playwright's injected scripts would compete with it for the main
  // thread): the page records its own marks and long tasks, and they are read once it has finished.
  const loads: LoadTimes[] = [];
  for (let i = 0; i <= LOAD_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(RECORD_LONG_TASKS);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForTimeout(LOAD_SETTLE_MS);
    await page.waitForSelector('html[data-ready="1"]');
    const t = (await page.evaluate(READ_LOAD_TIMES)) as LoadTimes;
    // the first run also warms the OS file cache and Chromium's own start-up paths
    if (i > 0) loads.push(t);
    await context.close();
  }

  // CPU time of one more load: every main-thread task from navigation to the editor's ready mark
  let loadCpu = NaN;
  {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'] });
    await page.goto(server.url);
    await page.waitForTimeout(LOAD_SETTLE_MS);
    await page.waitForSelector('html[data-ready="1"]');
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const main = mainThread(trace.traceEvents);
    const ready = trace.traceEvents.find((e) => e.name === 'editor-ready');
    const start = trace.traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'fetchStart');
    if (ready)
      loadCpu =
        tasks(main)
          .filter((t) => t.ts <= ready.ts && (!start || t.ts >= start.ts))
          .reduce((a, t) => a + (t.tdur ?? t.dur ?? 0), 0) / 1000;
    await context.close();
  }

  // 3. keystrokes on a full report with 合计自动计算 on (totals recomputed and all rules re-run per keystroke)
  const dir = mkdtempSync(join(tmpdir(), 'editor-bench-'));
  const file = join(dir, 'full.gkreport');
  const full = randomConsistentReport(2024);
  writeFileSync(
    file,
    serialiseReport({
      ...full,
      agency: '某某市人民政府办公室',
      narratives: {
        overview: '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n'.repeat(20),
        problems: '存在的问题。',
        other_matters: '本年度未收取信息处理费。',
      },
    }),
  );
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="1"]');
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="open"]').click();
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => (document.querySelector('[data-field="agency"]') as HTMLInputElement).value !== '');
  await page.locator('[data-testid="auto-totals"]').check({ force: true });

  await page.evaluate(() => {
    const w = window as unknown as { __bench: { t0: number; dom: number[]; frame: number[]; pendingDom: boolean } };
    w.__bench = { t0: 0, dom: [], frame: [], pendingDom: false };
    const b = w.__bench;
    const panel = document.querySelector('[data-testid="findings"]')!;
    new MutationObserver(() => {
      if (!b.pendingDom) return;
      b.pendingDom = false;
      b.dom.push(performance.now() - b.t0);
    }).observe(panel, { attributes: true, childList: true, subtree: true, characterData: true });
    document.addEventListener(
      'keydown',
      (e) => {
        // only the keystrokes that change a value (digits and Backspace), not the End/Enter around them
        if (!(e.target as HTMLElement).dataset['cell'] || !/^(?:\d|Backspace)$/.test(e.key)) return;
        b.t0 = performance.now();
        b.pendingDom = true;
        const t0 = b.t0;
        // the task after the next animation frame runs once that frame has been painted
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => b.frame.push(performance.now() - t0);
          ch.port2.postMessage(null);
        });
      },
      true,
    );
  });

  // warm-up: the first keystrokes of a session compile the code paths (JIT); they are timed separately
  const warm = await page.evaluate(() => {
    const el = document.querySelector('input[data-cell="t3.declined_mass.natural"]') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      setter.call(el, String(i));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      times.push(performance.now() - t);
    }
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    return times;
  });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  const cells = [
    't3.granted.natural',
    't3.new.commercial',
    't3.withheld_third_party.natural',
    't3.unavailable_not_held.legal',
    't3.declined_repeat.research',
    't3.other_other.other_org',
    't3.partial.nonprofit',
    't3.carried_out.natural',
    't3.carried_in.legal',
    't3.withheld_process.commercial',
  ];
  let done = 0;
  for (const id of cells) {
    await page.locator(`input[data-cell="${id}"]`).click();
    await page.keyboard.press('End');
    for (let i = 0; i < KEYSTROKES / cells.length / 2; i++) {
      for (const key of [String((i % 9) + 1), 'Backspace']) {
        await page.keyboard.press(key);
        done++;
        // a fast clerk types about ten keys a second; waiting in Node keeps the page's main thread free of polling
        await page.waitForTimeout(PACE_MS);
      }
    }
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction((n) => (window as unknown as { __bench: { frame: number[] } }).__bench.frame.length >= n, done);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = mainThread(trace.traceEvents);
  const runTasks = tasks(main);
  const keydowns = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').slice(-KEYSTROKES - cells.length * 2);
  const renders = main.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout' || e.name === 'PrePaint' || e.name === 'Paint');
  const cpuKey: number[] = [];
  const cpuFrame: number[] = [];
  for (const k of keydowns) {
    const task = runTasks.find((t) => inside(t, k));
    if (!task) continue;
    const ms = (task.tdur ?? task.dur ?? 0) / 1000;
    // the rendering of the next frame: the first later task that lays out or paints
    const next = runTasks.find((t) => t.ts > task.ts + (task.dur ?? 0) && renders.some((r) => inside(t, r)));
    cpuKey.push(ms);
    cpuFrame.push(ms + (next ? (next.tdur ?? next.dur ?? 0) / 1000 : 0));
  }
  if (process.env['BENCH_DEBUG']) {
    const by = new Map<string, number>();
    for (const e of main) if (e.ph === 'X') by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    console.log(
      [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 20)
        .map(([k, v]) => `  ${k}: ${v.toFixed(1)} ms`)
        .join('\n'),
    );
  }
  const { dom, frame } = await page.evaluate(() => (window as unknown as { __bench: { dom: number[]; frame: number[] } }).__bench);
  const findings = await page.locator('[data-testid="findings"] [data-code]').count();
  await context.close();

  console.log(
    `editor benchmark — Chromium ${browser.version()}, ${KEYSTROKES} keystrokes (one every ${PACE_MS} ms) in 表三 cells of a full report (合计自动计算 on, ${findings} findings listed at the end)`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, ${(idleAtStart * 100).toFixed(0)}% idle when the benchmark started, load average now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (figures are wall-clock: a busy machine inflates them)`,
  );
  console.log(`warm-up: 20 input events before measuring, the first took ${warm[0]!.toFixed(2)} ms (JIT), the last ${warm[19]!.toFixed(2)} ms`);
  console.log(`keystrokes measured: ${dom.length} DOM updates, ${frame.length} frames`);
  line('keydown → findings panel updated, p95', pct(dom, 95), 'ms', 8);
  line('keydown → findings panel updated, max', Math.max(...dom), 'ms', 16);
  console.log(`${'keydown → findings panel updated, median'.padEnd(44)} ${median(dom).toFixed(2).padStart(9)} ms`);
  line('keydown → next painted frame, p95', pct(frame, 95), 'ms', 2 * FRAME_MS);
  console.log(`${'keydown → next painted frame, median'.padEnd(44)} ${median(frame).toFixed(2).padStart(9)} ms`);
  console.log(`CPU time of the page's main thread per keystroke (from a trace; ${cpuKey.length} keydowns incl. End/Enter):`);
  console.log(
    `${'  keydown task (handlers, checks, React, DOM), p95'.padEnd(44)} ${pct(cpuKey, 95).toFixed(2).padStart(9)} ms   (max ${Math.max(...cpuKey).toFixed(2)} ms)`,
  );
  console.log(
    `${'  keydown task + next frame (style, layout, paint), p95'.padEnd(44)} ${pct(cpuFrame, 95).toFixed(2).padStart(9)} ms   (max ${Math.max(...cpuFrame).toFixed(2)} ms)`,
  );
  const of = (k: keyof LoadTimes) => loads.map((l) => l[k]);
  line(`load → interactive, median of ${loads.length} first visits`, median(of('interactive')), 'ms', 500);
  console.log(
    `${'  the same, max'.padEnd(44)} ${Math.max(...of('interactive'))
      .toFixed(2)
      .padStart(9)} ms`,
  );
  console.log(`${'  first screen painted (editor-ready), median'.padEnd(44)} ${median(of('ready')).toFixed(2).padStart(9)} ms`);
  console.log(`${'  first contentful paint, median'.padEnd(44)} ${median(of('fcp')).toFixed(2).padStart(9)} ms`);
  console.log(`${'  all 200 cells in the DOM, median'.padEnd(44)} ${median(of('complete')).toFixed(2).padStart(9)} ms`);
  console.log(
    `${'  longest task after ready, median / max'.padEnd(44)} ${median(of('longAfterReady')).toFixed(2).padStart(9)} ms   (max ${Math.max(...of('longAfterReady')).toFixed(2)} ms; a task over 50 ms would move "interactive")`,
  );
  console.log(`${'  CPU time of the main thread until ready'.padEnd(44)} ${loadCpu.toFixed(2).padStart(9)} ms`);
  line(`initial JS (${initial.length} file${initial.length > 1 ? 's' : ''}, gzip)`, initialGzip, 'KB', 300);
  if (dom.length !== KEYSTROKES) {
    console.log(`MISSED: ${KEYSTROKES - dom.length} keystrokes did not update the findings panel`);
    missed++;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(missed ? 1 : 0);
