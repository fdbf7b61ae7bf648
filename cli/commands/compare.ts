/** `disclosure-report compare`: what changed from last year's report to this year's, and the cross-year findings. */
import { changedCells, compareReports, type CellChange } from '../../shared/app/compare';
import { UsageError, flag, parseArgs } from '../args';
import { findingsTable } from '../findings-output';
import { openInWorker } from '../worker';
import { renderTable } from '../table-output';

export const COMPARE_HELP = `用法：disclosure-report compare <上年度报告> <本年度报告> [选项]

逐个单元格列出两年数据的变化（本年 − 上年），并给出跨年度检查结果：
表三「二、上年结转」应等于上年「四、结转下年度继续办理」，表二现行有效件数应等于
上年现行有效件数 + 本年制发 − 本年废止，年度应相邻，机关名称应一致。

选项：
  --json      以 JSON 输出全部单元格的变化和跨年度检查结果
  --all       列出全部单元格（默认只列出有变化的单元格）
  -h, --help  显示本说明

退出码：0 跨年度检查未发现问题；1 有跨年度检查结果需要核对；2 文件无法读取或用法错误。`;

const OPTIONS = [{ name: 'json' }, { name: 'all' }, { name: 'help', short: 'h' }] as const;

const show = (v: CellChange['last']): string => (v === null ? '（空）' : String(v));
const signed = (c: CellChange): string => {
  if (c.change === null) return '';
  const s = String(c.change);
  return s.startsWith('-') || s === '0' ? s : `+${s}`;
};

export const runCompare = async (argv: readonly string[]): Promise<number> => {
  const args = parseArgs(argv, OPTIONS, 'compare');
  if (flag(args, 'help')) {
    process.stdout.write(`${COMPARE_HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 2) throw new UsageError('请给出两个文件：上年度报告 本年度报告。运行「disclosure-report compare --help」查看用法');
  const [lastPath, thisPath] = args.positionals as [string, string];
  const [last, current] = await Promise.all([openInWorker(lastPath), openInWorker(thisPath)]);
  let bad = false;
  for (const [p, r] of [
    [lastPath, last],
    [thisPath, current],
  ] as const)
    if (!r.ok) {
      process.stderr.write(`错误：无法读取「${p}」：${r.message}\n`);
      bad = true;
    }
  if (!last.ok || !current.ok || bad) return 2;
  const cmp = compareReports(last.report, current.report);
  const attention = cmp.crossYear.filter((f) => f.severity !== 'info').length;
  if (flag(args, 'json')) {
    process.stdout.write(
      `${JSON.stringify({ last: { file: lastPath, ...cmp.last }, current: { file: thisPath, ...cmp.current }, cells: cmp.cells, findings: cmp.crossYear })}\n`,
    );
    return attention ? 1 : 0;
  }
  const rows = flag(args, 'all') ? cmp.cells : changedCells(cmp);
  const who = (x: { agency: string; year: number | null }) => `${x.agency || '（未填机关）'} ${x.year ?? '（未填年度）'}年度`;
  let text = `上年度：${lastPath}（${who(cmp.last)}）\n本年度：${thisPath}（${who(cmp.current)}）\n\n`;
  text += rows.length
    ? `${renderTable(
        [
          { title: '单元格', maxWidth: 60 },
          { title: '编号', maxWidth: 36 },
          { title: '上年', align: 'right' },
          { title: '本年', align: 'right' },
          { title: '变化', align: 'right' },
          { title: '变化率', align: 'right' },
        ],
        rows.map((c) => [c.label, c.id, show(c.last), show(c.current), signed(c), c.percent === null ? '' : `${c.percent > 0 ? '+' : ''}${c.percent}%`]),
      )}\n`
    : '两年的单元格数据完全相同。\n';
  if (!flag(args, 'all')) text += `共 ${cmp.cells.length} 个单元格，有变化 ${rows.length} 个。\n`;
  text += cmp.crossYear.length ? `\n跨年度检查：\n${findingsTable(cmp.crossYear)}\n` : '\n跨年度检查：未发现问题。\n';
  process.stdout.write(text);
  return attention ? 1 : 0;
};
