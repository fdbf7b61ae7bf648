/** `disclosure-report validate`: check many reports at once; human, JSON or CSV output. */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import type { PreviousYear } from '../../shared/rules';
import { UsageError, flag, parseArgs, stringOption } from '../args';
import { checkedFile, entryOf, unreadableEntry, type CheckedFile, type FileEntry } from '../check-file';
import { SUPPORTED_EXTENSIONS, collectInputs, skippedText, type SkippedFile } from '../files';
import { findingsTable, notesText, type SeverityCounts } from '../findings-output';
import { CSV_BOM, bufferedOut, csvLine } from '../output';
import { createProgress } from '../progress';
import { checkInOrder, openInWorker } from '../worker';
import { renderTable } from '../table-output';

export const VALIDATE_HELP = `用法：disclosure-report validate <文件或文件夹…> [选项]

检查一个或多个年度报告：表二、表三、表四的合计与勾稽关系、数值有效性、填写完整性，
给出 --previous 时还检查与上年报告的衔接（上年结转、现行有效件数）。
文件夹会递归读取其中所有支持的文件（.txt .html .htm .docx .xlsx .gkreport .json）；
其他文件（如 .doc .png）不是报告文件，跳过并在最后说明跳过了几个。

选项：
  --previous <文件>   上年度报告，用于跨年度检查（对每个文件都适用）
  --json              以 JSON 输出每个文件的全部单元格、检查结果和读取说明
  --csv               以 CSV 输出汇总表（每个文件一行，带 BOM，可直接用 Excel 打开）
  --summary           只输出汇总表，不逐个列出检查结果
  -v, --verbose       列出文件夹中跳过的每个非报告文件
  --follow-links      也读取文件夹中指向所给文件夹之外的链接（默认不读取；每个文件、文件夹只读一次）
  -j, --jobs <N>      并行读取的线程数（默认：文件较多时用全部处理器核心，否则 1）
  -h, --help          显示本说明

退出码：0 没有错误；1 至少一个文件有错误级别的检查结果；2 有文件无法读取（其余文件照常检查）或用法错误。`;

const OPTIONS = [
  { name: 'previous', value: true },
  { name: 'json' },
  { name: 'csv' },
  { name: 'summary' },
  { name: 'verbose', short: 'v' },
  { name: 'follow-links' },
  { name: 'jobs', short: 'j', value: true },
  { name: 'help', short: 'h' },
] as const;

/**
 * Every file is read in a worker (cli/worker.ts), so one worker is always started; more pay off only when there is
 * enough to read: each further worker costs its start-up and warms up its own compiled code (the first few dozen
 * files read several times slower than the rest), so a small batch stays on one. What one worker spends on a file,
 * read and checked, in a batch of a few hundred on the 2-core development machine (bench/cli.bench.ts, -j 1):
 */
const COST_MS: Record<string, number> = {
  '.pdf': 60,
  '.docx': 3,
  '.xlsx': 3,
  '.html': 3,
  '.htm': 3,
  '.mht': 3,
  '.mhtml': 3,
  '.doc': 3,
  '.wps': 3,
  '.xls': 3,
  '.txt': 1.5,
  '.text': 1.5,
};
/** Our own JSON (.gkreport, .json) and anything else. */
const OTHER_MS = 1;
// Measured idle (2026-12-05, one run against two, three runs each): two workers first beat one at ~800 text pages
// (1.42–1.51 s either way) and ~400 .docx (1.55–1.61 s against 1.50–1.60 s) — ~1.2 s of one worker's work; below
// that one worker is faster (100 .docx: 0.69–0.72 s against 0.82–0.83 s), above it two are (1,000 .docx: 3.09 s
// against 2.76 s).
const WORTH_MORE_WORKERS_MS = 1200;

/** The number of reader workers for a batch: all cores (at most 8) for ~1.2 s of one worker's work or more, else one. */
export const defaultJobs = (files: readonly string[], cores: number = availableParallelism()): number => {
  const n = Math.min(cores, 8);
  if (n < 2) return 1;
  const work = files.reduce((a, f) => a + (COST_MS[extname(f).toLowerCase()] ?? OTHER_MS), 0);
  return work >= WORTH_MORE_WORKERS_MS ? n : 1;
};

type SummaryRow = { file: string; agency: string; year: string; errors: number; warnings: number; unreadable: string };

const loadPrevious = async (path: string): Promise<PreviousYear> => {
  const r = await openInWorker(path);
  if (!r.ok) throw new UsageError(`无法读取上年度报告「${path}」：${r.message}`);
  const { agency, year, cells, narratives } = r.report;
  return { agency, year, cells, narratives };
};

export const runValidate = async (argv: readonly string[]): Promise<number> => {
  const args = parseArgs(argv, OPTIONS, 'validate');
  if (flag(args, 'help')) {
    process.stdout.write(`${VALIDATE_HELP}\n`);
    return 0;
  }
  const json = flag(args, 'json');
  const csv = flag(args, 'csv');
  if (json && csv) throw new UsageError('--json 与 --csv 只能选一个');
  if (!args.positionals.length) throw new UsageError('请给出要检查的文件或文件夹。运行「disclosure-report validate --help」查看用法');
  const jobsOpt = stringOption(args, 'jobs');
  if (jobsOpt !== undefined && !/^[1-9]\d{0,2}$/.test(jobsOpt)) throw new UsageError(`--jobs 应为正整数，实际为「${jobsOpt}」`);
  const prevPath = stringOption(args, 'previous');
  const previous = prevPath ? await loadPrevious(prevPath) : null;

  const skipped: SkippedFile[] = [];
  const inputs = collectInputs(args.positionals, skipped, { followLinks: flag(args, 'follow-links') });
  if (!inputs.length)
    throw new UsageError(`给出的文件夹中没有可检查的文件（支持 ${SUPPORTED_EXTENSIONS.join(' ')}）。${skippedText(skipped, flag(args, 'verbose'))}`.trimEnd());
  const readable = inputs.filter((e) => !('missing' in e)).map((e) => e.path);
  const jobs = jobsOpt ? Number(jobsOpt) : defaultJobs(readable);

  const out = bufferedOut();
  const progress = createProgress(inputs.length, '检查中');
  const summary: SummaryRow[] = [];
  let anyError = false;
  let anyUnreadable = false;
  let n = 0;

  if (json) out.write('{"files":[\n');
  if (csv) out.write(CSV_BOM + csvLine(['文件', '机关', '年度', '错误', '警告', '提示', '无法读取', '原因']));

  const emit = (checked: CheckedFile) => {
    const c = checked.counts;
    if (checked.unreadable) anyUnreadable = true;
    if (c.error) anyError = true;
    if (json) out.write(`${n ? ',\n' : ''}${checked.json}`);
    else {
      const e = entryOf(checked);
      if (csv)
        out.write(
          csvLine([
            e.file,
            e.agency,
            e.year,
            e.error ? null : c.error,
            e.error ? null : c.warning,
            e.error ? null : c.info,
            e.error ? '是' : '否',
            e.error ?? null,
          ]),
        );
      else {
        summary.push({
          file: e.file,
          agency: e.agency ?? '',
          year: e.year === null ? '' : String(e.year),
          errors: c.error,
          warnings: c.warning,
          unreadable: e.error ?? '',
        });
        if (!flag(args, 'summary')) out.write(fileBlock(e, c));
      }
    }
    n++;
    progress.tick();
  };

  // Missing paths keep their place among the files, so output order is the order given.
  const indexOf = new Map(readable.map((p, i) => [p, i]));
  type Slot = { readonly missing: { path: string; missing: string } } | { readonly index: number };
  const order: Slot[] = inputs.map((e) => ('missing' in e ? { missing: e } : { index: indexOf.get(e.path)! }));
  const pending = new Map<number, CheckedFile>();
  let cursor = 0;
  const drain = () => {
    while (cursor < order.length) {
      const o = order[cursor]!;
      if ('missing' in o) emit(checkedFile(unreadableEntry(o.missing.path, o.missing.missing)));
      else if (pending.has(o.index)) {
        emit(pending.get(o.index)!);
        pending.delete(o.index);
      } else break;
      cursor++;
    }
  };
  drain();
  await checkInOrder(readable, previous, jobs, (i, entry) => {
    pending.set(i, entry);
    drain();
  });
  drain();
  progress.done();

  if (json) out.write('\n]}\n');
  if (!json && !csv) out.write(summaryText(summary) + skippedText(skipped, flag(args, 'verbose')));
  out.flush();
  // JSON and CSV keep their exact shape on stdout; the skipped files are said beside them.
  if (json || csv) process.stderr.write(skippedText(skipped, flag(args, 'verbose')));
  return anyUnreadable ? 2 : anyError ? 1 : 0;
};

const fileBlock = (e: FileEntry, c: SeverityCounts): string => {
  const head = `文件：${e.file}\n`;
  if (e.error !== undefined) return `${head}无法读取：${e.error}\n\n`;
  const who = `机关：${e.agency || '（未识别）'}　年度：${e.year ?? '（未识别）'}　检查结果：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个\n`;
  const notes = e.notes.length ? `读取说明：\n${notesText(e.notes)}\n` : '';
  const table = e.findings.length ? `${findingsTable(e.findings)}\n` : '未发现问题。\n';
  return `${head}${who}${notes}${table}\n`;
};

const summaryText = (rows: readonly SummaryRow[]): string => {
  const bad = rows.filter((r) => r.unreadable).length;
  const withErrors = rows.filter((r) => !r.unreadable && r.errors > 0).length;
  const total = `共 ${rows.length} 个文件：无错误 ${rows.length - bad - withErrors} 个，有错误 ${withErrors} 个，无法读取 ${bad} 个。\n`;
  if (rows.length < 2) return total;
  const table = renderTable(
    [
      { title: '文件', maxWidth: 64 },
      { title: '机关', maxWidth: 30 },
      { title: '年度' },
      { title: '错误', align: 'right' },
      { title: '警告', align: 'right' },
      { title: '无法读取', maxWidth: 60 },
    ],
    rows.map((r) => [
      r.file,
      r.agency,
      r.year,
      r.unreadable ? '' : String(r.errors),
      r.unreadable ? '' : String(r.warnings),
      r.unreadable ? `是：${r.unreadable}` : '',
    ]),
  );
  return `汇总：\n${table}\n${total}`;
};
