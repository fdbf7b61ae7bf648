/** `disclosure-report template`: this year's draft from last year's report, as our JSON file. */
import { isSameFile } from '../files';
import { existsSync } from 'node:fs';
import { serialiseReport } from '../../shared/report/document';
import { templateFrom } from '../../shared/app/template-from';
import { UsageError, flag, parseArgs, stringOption, yearOption } from '../args';
import { openInWorker } from '../worker';
import { writeFileAtomic } from '../write-file';

export const TEMPLATE_HELP = `用法：disclosure-report template <上年度报告> -o <本年度报告.gkreport>

以上年报告为模板新建本年度报告：机关名称保留，年度加 1；表三「二、上年结转」填入上年
「四、结转下年度继续办理」，表二现行有效件数填入上年数（请再加本年制发、减本年废止）；
其余单元格留空待填；正文保留为草稿，其中的数字和年份需逐一核对。
上年度报告可以是本程序的报告文件、Word、Excel、PDF、网页或文本。输出为本程序的报告文件（JSON）。

选项：
  -o, --output <文件>  本年度报告的保存位置（必填）
  --year <年度>        本年度（默认上年年度加 1；上年报告未注明年度时用它给出）
  --force              输出文件已存在时覆盖
  -h, --help           显示本说明

退出码：0 已生成；2 上年度报告无法读取、输出文件已存在或用法错误。`;

const OPTIONS = [{ name: 'output', short: 'o', value: true }, { name: 'year', value: true }, { name: 'force' }, { name: 'help', short: 'h' }] as const;

export const runTemplate = async (argv: readonly string[]): Promise<number> => {
  const args = parseArgs(argv, OPTIONS, 'template');
  if (flag(args, 'help')) {
    process.stdout.write(`${TEMPLATE_HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('请给出一个上年度报告文件。运行「disclosure-report template --help」查看用法');
  const output = stringOption(args, 'output');
  const year = yearOption(args);
  const input = args.positionals[0]!;
  if (output && isSameFile(input, output)) throw new UsageError('输出文件与上年度报告相同，会覆盖上年报告，请换一个保存位置');
  // A draft the clerk may already have worked on is never overwritten by accident.
  if (output && existsSync(output) && !flag(args, 'force')) throw new UsageError(`「${output}」已存在。如确需覆盖，请加 --force`);
  const r = await openInWorker(input);
  const t = r.ok ? templateFrom(r, year) : null;
  // the file name suggested is the new report's, so last year's report is read first
  if (!output) throw new UsageError(`请用 -o 指定本年度报告的保存位置，如 -o ${t?.ok && t.report.year !== null ? t.report.year : '本'}年度报告.gkreport`);
  if (!r.ok) {
    process.stderr.write(`错误：无法读取「${input}」：${r.message}\n`);
    return 2;
  }
  if (!t?.ok) {
    process.stderr.write(`错误：${t?.message}\n`);
    return 2;
  }
  try {
    writeFileAtomic(output, serialiseReport(t.report));
  } catch (e) {
    process.stderr.write(`错误：${(e as Error).message}\n`);
    return 2;
  }
  const agency = t.report.agency || '（未填机关）';
  const lines = [`已生成 ${agency} ${t.report.year === null ? '' : `${t.report.year} `}年度报告草稿：${output}`];
  // where the year can be given, under the template's note that it was not found
  const noYear = t.report.year === null ? ['年度可加 --year <年度> --force 重新生成时给出，或用本程序打开草稿后在报告头填写'] : [];
  const readNotes = r.notes.filter((n) => n.level !== 'info').map((n) => `读取说明：${n.message}`);
  process.stdout.write(`${[...lines, ...[...t.notes, ...noYear].map((n) => `  ${n}`), ...readNotes.map((n) => `  ${n}`)].join('\n')}\n`);
  return 0;
};
