/**
 * Electronegativity (Doyensec's Electron security linter) over the main-process sources: no HIGH or
 * MEDIUM finding may remain. A finding that only asks for a manual review is suppressed in the code
 * with `eng-disable` next to the reason; the list of suppressions is pinned here, so a new one is a
 * deliberate change of this test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** Parses electronegativity's CSV (quoted fields, no embedded newlines in our findings). */
const parseCsv = (text: string): Record<string, string>[] => {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',').map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
};

describe('electronegativity', () => {
  it('finds nothing of HIGH or MEDIUM severity in src-main', () => {
    const out = mkdtempSync(join(tmpdir(), 'gk-eng-'));
    try {
      // the sources as they are, plus a canary window that is insecure on purpose: the scan must flag
      // the canary (so a broken scan cannot pass) and nothing else
      cpSync(join(ROOT, 'src-main'), join(out, 'src'), { recursive: true });
      writeFileSync(
        join(out, 'src', 'zz-canary.ts'),
        "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
      );
      const t0 = Date.now();
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
          '-i',
          join(out, 'src'),
          '-o',
          join(out, 'result.csv'),
          '-e',
          ELECTRON_VERSION,
          '-r',
          '-v',
          'false',
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 170_000,
        },
      );
      const ms = Date.now() - t0;
      expect(r.status, r.stderr).toBe(0);
      const findings = parseCsv(readFileSync(join(out, 'result.csv'), 'utf8'));
      const serious = findings.filter((f) => f['severity'] === 'HIGH' || f['severity'] === 'MEDIUM');
      const canary = serious.filter((f) => f['filename']!.endsWith('zz-canary.ts'));
      expect(canary.map((f) => f['issue'])).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
      const ours = serious.filter((f) => !f['filename']!.endsWith('zz-canary.ts'));
      expect(ours.map((f) => `${f['issue']} ${f['severity']} ${f['filename']}:${f['location']} ${f['description']}`)).toEqual([]);
      console.log(`electronegativity: ${findings.length - canary.length} finding(s) in src-main, none HIGH/MEDIUM; canary caught (${canary.length}); ${ms} ms`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('suppresses only the reviewed preload check, with its reason beside it', () => {
    const files = readdirSync(join(ROOT, 'src-main')).filter((f) => f.endsWith('.ts'));
    const suppressions = files.flatMap((f) =>
      readFileSync(join(ROOT, 'src-main', f), 'utf8')
        .split('\n')
        .flatMap((line, i, all) => (/eng-disable/.test(line) ? [{ f, rule: /eng-disable\s+(\w+)/.exec(line)![1], reason: all[i - 1] ?? '' }] : [])),
    );
    expect(suppressions.map((s) => `${s.f} ${s.rule}`)).toEqual(['desktop-app.ts PRELOAD_JS_CHECK']);
    expect(suppressions[0]!.reason).toMatch(/reviewed: .*exposes exactly ReportApi/);
  });
});
