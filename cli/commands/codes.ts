/** `disclosure-report codes`: every finding code with its severity and title, from the one registry (shared/findings/codes.ts). */
import { FINDING_CODES, NARRATIVE_TABLE_CODE, SEVERITY_LABEL } from '../../shared/findings';
import { renderTable } from '../table-output';

export const CODES_HELP = `用法：disclosure-report codes [--json]

列出检查结果的全部代码、严重程度和说明。

选项：
  --json    以 JSON 输出（code、severity、title）`;

export const codesTable = (): string =>
  renderTable(
    [{ title: '代码' }, { title: '严重程度' }, { title: '说明', maxWidth: 56 }],
    [...FINDING_CODES, NARRATIVE_TABLE_CODE].map((c) => [c.code, SEVERITY_LABEL[c.severity], c.title]),
  );

export const runCodes = async (argv: readonly string[]): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${CODES_HELP}\n`);
    return 0;
  }
  const codes = [...FINDING_CODES, NARRATIVE_TABLE_CODE].map(({ code, severity, title }) => ({ code, severity, title }));
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(codes, null, 2)}\n` : `${codesTable()}\n`);
  return 0;
};
