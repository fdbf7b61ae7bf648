/** The `disclosure-report` command line: dispatches to the commands (its reader workers start cli/reader.ts). */
import { UsageError } from './args';
type Command = { readonly summary: string; readonly run: (argv: readonly string[]) => Promise<number> };

// Each command's code is initialised only when it runs: `validate` never sets up the Word and Excel writers.
const COMMANDS: Record<string, Command> = {
  validate: {
    summary: '检查报告（可批量、可递归文件夹）：合计、勾稽关系、完整性、跨年度衔接',
    run: async (a) => (await import('./commands/validate')).runValidate(a),
  },
  export: { summary: '导出为 Word（.docx）、Excel（.xlsx）或网页片段（.html）', run: async (a) => (await import('./commands/export')).runExport(a) },
  template: { summary: '以上年度报告为模板新建本年度报告（上年结转等自动带入）', run: async (a) => (await import('./commands/template')).runTemplate(a) },
  consolidate: {
    summary: '把多个报告逐格相加，汇总为一份报告（全市、全县汇总）',
    run: async (a) => (await import('./commands/consolidate')).runConsolidate(a),
  },
  compare: { summary: '对比上年度与本年度报告：逐格变化和跨年度检查', run: async (a) => (await import('./commands/compare')).runCompare(a) },
  codes: { summary: '列出检查结果的全部代码、严重程度和说明', run: async (a) => (await import('./commands/codes')).runCodes(a) },
};

export const MAIN_HELP = () => `disclosure-report — 政府信息公开工作年度报告编制器（命令行）

用法：disclosure-report <命令> [参数…] [选项]

命令：
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join('\n')}

运行「disclosure-report <命令> --help」查看该命令的用法。
支持读取的文件：网页正文 .txt/.html/.htm、Word .docx、Excel .xlsx、PDF .pdf（文字版，扫描件无法读取）、本程序的报告文件 .gkreport/.json。`;

const main = async (argv: readonly string[]): Promise<number> => {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(`${MAIN_HELP()}\n`);
    return cmd === undefined ? 2 : 0;
  }
  const c = COMMANDS[cmd];
  if (!c) throw new UsageError(`未知命令「${cmd}」。可用命令：${Object.keys(COMMANDS).join('、')}。运行「disclosure-report --help」查看用法`);
  return c.run(rest);
};

// `validate dir | head`: the reader went away; stop quietly instead of printing a stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) process.stderr.write(`错误：${e.message}\n`);
    else process.stderr.write(`程序出错：${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
