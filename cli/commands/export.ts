/** `disclosure-report export`: a report as Word, Excel and/or an HTML fragment. */
import { isSameFile } from '../files';
import { evaluate } from '../../shared/rules';
import { UsageError, flag, parseArgs, stringOption } from '../args';
import { findingsTable } from '../findings-output';
import { openInWorker } from '../worker';
import { writeFileAtomic } from '../write-file';

export const EXPORT_HELP = `用法：disclosure-report export <报告文件> [--docx <输出.docx>] [--xlsx <输出.xlsx>] [--html <输出.html>]

把报告导出为可直接报送的 Word 文档（GB/T 9704 公文格式）、Excel 工作簿（总计为公式）
或用于网站发布的网页片段。报告可以是本程序的报告文件，也可以是 Word、Excel、PDF、网页或文本。
报告有错误级别的检查结果时照常导出（草稿也常需报送），并在标准错误输出中逐条列出。

选项：
  --docx <文件>   导出 Word 文档
  --xlsx <文件>   导出 Excel 工作簿
  --html <文件>   导出网页片段（HTML）
  -h, --help      显示本说明

退出码：0 已导出（有错误时另有警告）；2 报告无法读取、无法写入或用法错误。`;

const OPTIONS = [
  { name: 'docx', value: true },
  { name: 'xlsx', value: true },
  { name: 'html', value: true },
  { name: 'help', short: 'h' },
] as const;

export const runExport = async (argv: readonly string[]): Promise<number> => {
  const args = parseArgs(argv, OPTIONS, 'export');
  if (flag(args, 'help')) {
    process.stdout.write(`${EXPORT_HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('请给出一个要导出的报告文件。运行「disclosure-report export --help」查看用法');
  const input = args.positionals[0]!;
  const targets = (['docx', 'xlsx', 'html'] as const).flatMap((k) => (stringOption(args, k) ? [{ kind: k, path: stringOption(args, k)! }] : []));
  if (!targets.length) throw new UsageError('请至少给出一种导出格式：--docx、--xlsx 或 --html');
  for (const t of targets) if (isSameFile(input, t.path)) throw new UsageError(`输出文件「${t.path}」与报告文件相同，会覆盖原报告，请换一个保存位置`);
  targets.forEach((t, i) => {
    if (targets.slice(0, i).some((u) => isSameFile(u.path, t.path))) throw new UsageError(`两种格式不能保存到同一个文件「${t.path}」`);
  });

  const r = await openInWorker(input);
  if (!r.ok) {
    process.stderr.write(`错误：无法读取「${input}」：${r.message}\n`);
    return 2;
  }
  const serious = r.notes.filter((n) => n.level !== 'info');
  if (serious.length) process.stderr.write(`读取说明（请核对）：\n${serious.map((n) => `  ${n.message}`).join('\n')}\n`);
  const errors = evaluate(r.report).filter((f) => f.severity === 'error');
  if (errors.length)
    process.stderr.write(`警告：该报告有 ${errors.length} 个错误级别的检查结果，仍按要求导出。报送前请核对并改正：\n${findingsTable(errors)}\n`);

  // The builders pull in docx and exceljs: loaded only when exporting, so validate starts fast.
  const { buildDocx, buildXlsx, buildHtml } = await import('../../shared/export');
  for (const t of targets) {
    const bytes = t.kind === 'docx' ? await buildDocx(r.report) : t.kind === 'xlsx' ? await buildXlsx(r.report) : buildHtml(r.report);
    try {
      writeFileAtomic(t.path, bytes);
    } catch (e) {
      process.stderr.write(`错误：${(e as Error).message}\n`);
      return 2;
    }
    process.stdout.write(`已导出 ${t.kind === 'docx' ? 'Word 文档' : t.kind === 'xlsx' ? 'Excel 工作簿' : '网页片段'}：${t.path}\n`);
  }
  return 0;
};
