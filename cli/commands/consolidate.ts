/** `disclosure-report consolidate`: sum many reports into one 汇总 report (our JSON). */
import { FileConsolidation } from '../../shared/app/consolidate-files';
import { serialiseReport } from '../../shared/report/document';
import { UsageError, flag, parseArgs, stringOption, yearOption } from '../args';
import { collectInputs, isSameFile, skippedText, type SkippedFile } from '../files';
import { findingsTable, severityCounts } from '../findings-output';
import { bufferedOut } from '../output';
import { createProgress } from '../progress';
import { renderTable } from '../table-output';
import { defaultJobs } from './validate';
import { readInOrder } from '../worker';
import { writeFileAtomic } from '../write-file';

export const CONSOLIDATE_HELP = `用法：disclosure-report consolidate <文件或文件夹…> -o <汇总.json> [选项]

把多个报告（如各部门、各县区的报告）汇总为一份报告：表二、表三、表四的每个单元格逐格相加
（件数按整数、收费金额按分精确相加）；某格在所有报告中都空白时仍为空白，否则空白按 0 计。
正文（一、五、六部分）留空，由编制人员撰写。输出为本程序的报告文件（JSON，可在编制器中打开）。
同一机关、同一年度的两份报告会被拒绝汇总（避免重复计算），除非给出 --allow-duplicates。

选项：
  -o, --output <文件>    汇总报告的保存位置（必填，如 汇总.json 或 汇总.gkreport）
  --agency <名称>        汇总报告的机关名称（如 许昌市人民政府）
  --year <年度>          汇总报告的年度（默认：各报告共同的年度）
  --allow-duplicates     允许汇总同一机关、同一年度的多份报告
  --skip-unreadable      跳过无法读取的文件继续汇总（默认：有无法读取的文件时不汇总）
  --json                 以 JSON 输出来源清单、各来源的检查结果和汇总报告的检查结果
  -v, --verbose          列出文件夹中跳过的每个非报告文件（如 .doc .png）
  --follow-links         也读取文件夹中指向所给文件夹之外的链接（默认不读取；每个文件、文件夹只汇总一次）
  -j, --jobs <N>         并行读取的线程数
  -h, --help             显示本说明

退出码：0 已汇总且没有错误；1 已汇总，但有来源报告或汇总结果存在错误级别的检查结果；
        2 未汇总（用法错误、有文件无法读取、同一机关同一年度重复）。`;

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'agency', value: true },
  { name: 'year', value: true },
  { name: 'allow-duplicates' },
  { name: 'skip-unreadable' },
  { name: 'json' },
  { name: 'verbose', short: 'v' },
  { name: 'follow-links' },
  { name: 'jobs', short: 'j', value: true },
  { name: 'help', short: 'h' },
] as const;

export const runConsolidate = async (argv: readonly string[]): Promise<number> => {
  const args = parseArgs(argv, OPTIONS, 'consolidate');
  if (flag(args, 'help')) {
    process.stdout.write(`${CONSOLIDATE_HELP}\n`);
    return 0;
  }
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('请用 -o 指定汇总报告的保存位置，如 -o 汇总.json');
  if (!args.positionals.length) throw new UsageError('请给出要汇总的报告文件或文件夹');
  const yearOpt = yearOption(args);
  const jobsOpt = stringOption(args, 'jobs');
  if (jobsOpt !== undefined && !/^[1-9]\d{0,2}$/.test(jobsOpt)) throw new UsageError(`--jobs 应为正整数，实际为「${jobsOpt}」`);
  const json = flag(args, 'json');

  const notReports: SkippedFile[] = [];
  const inputs = collectInputs(args.positionals, notReports, { followLinks: flag(args, 'follow-links') });
  if (inputs.some((e) => isSameFile(e.path, output))) throw new UsageError(`输出文件「${output}」也在汇总的来源之中，请换一个保存位置`);
  if (!inputs.length) throw new UsageError('给出的文件夹中没有可汇总的报告文件');
  const c = new FileConsolidation();
  for (const e of inputs) if ('missing' in e) c.add(e.path, { ok: false, message: e.missing });
  const files = inputs.filter((e) => !('missing' in e)).map((e) => e.path);

  const progress = createProgress(files.length, '汇总中');
  await readInOrder(files, jobsOpt ? Number(jobsOpt) : defaultJobs(files), (i, { result, findings }) => {
    c.add(files[i]!, result, findings ?? undefined);
    progress.tick();
  });
  progress.done();
  const unreadable = c.unreadable.map((u) => ({ file: u.name, reason: u.message }));

  const out = bufferedOut();
  const skip = flag(args, 'skip-unreadable');
  if (unreadable.length && !skip) {
    process.stderr.write(
      `错误：${unreadable.length} 个文件无法读取，未汇总（如确需跳过，请使用 --skip-unreadable）：\n${unreadable.map((u) => `  ${u.file}：${u.reason}`).join('\n')}\n`,
    );
    return 2;
  }
  const result = c.finish({
    ...(stringOption(args, 'agency') !== undefined ? { agency: stringOption(args, 'agency')! } : {}),
    ...(yearOpt ? { year: yearOpt } : {}),
    allowDuplicates: flag(args, 'allow-duplicates'),
  });
  if (!result.ok) {
    // the one refusal the command line can overrule
    const overrule = 'duplicates' in result && result.duplicates.length ? '；如确需一并汇总，请使用 --allow-duplicates' : '';
    process.stderr.write(`错误：${result.message}${overrule}\n`);
    return 2;
  }
  writeFileAtomic(output, serialiseReport(result.report));

  const sourceErrors = result.sources.filter((s) => severityCounts(s.findings).error > 0).length;
  const sumErrors = severityCounts(result.findings).error;
  const notes = [...result.notes, ...unreadable.map((u) => `已跳过无法读取的文件「${u.file}」：${u.reason}`)];
  if (json) {
    out.write(
      `${JSON.stringify({
        output,
        agency: result.report.agency,
        year: result.report.year,
        sources: result.sources.map((s) => ({ file: s.name, agency: s.agency, year: s.year, findings: s.findings })),
        skipped: unreadable,
        notReports: notReports.map((f) => f.path),
        findings: result.findings,
        notes,
      })}\n`,
    );
  } else {
    out.write(
      `已汇总 ${result.sources.length} 份报告，保存为「${output}」（机关：${result.report.agency || '（未填写，请在编制器中填写）'}，年度：${result.report.year ?? '（未填写）'}）。正文留空，请编制人员撰写。\n\n来源报告：\n`,
    );
    out.write(
      `${renderTable(
        [
          { title: '文件', maxWidth: 64 },
          { title: '机关', maxWidth: 30 },
          { title: '年度' },
          { title: '错误', align: 'right' },
          { title: '警告', align: 'right' },
        ],
        result.sources.map((s) => {
          const k = severityCounts(s.findings);
          return [s.name, s.agency, s.year === null ? '' : String(s.year), String(k.error), String(k.warning)];
        }),
      )}\n`,
    );
    for (const s of result.sources) {
      const errs = s.findings.filter((f) => f.severity === 'error');
      if (errs.length) out.write(`\n来源「${s.name}」的错误：\n${findingsTable(errs)}\n`);
    }
    if (notes.length) out.write(`\n说明：\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
    if (notReports.length) out.write(`\n${skippedText(notReports, flag(args, 'verbose'))}`);
    const own = result.findings.filter((f) => f.severity !== 'info');
    out.write(own.length ? `\n汇总报告的检查结果：\n${findingsTable(own)}\n` : '\n汇总报告的检查结果：未发现问题。\n');
  }
  out.flush();
  return sourceErrors || sumErrors ? 1 : 0;
};
