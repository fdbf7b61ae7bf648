/**
 * A small option parser: each command declares its options, anything else is refused with a
 * Chinese message (exit 2), so a typo never silently changes what a command does.
 */

export type OptionSpec = {
  readonly name: string;
  readonly short?: string;
  /** Takes a value (`--out x`, `--out=x`, `-o x`). */
  readonly value?: boolean;
};

export type ParsedArgs = {
  readonly positionals: string[];
  readonly options: Readonly<Record<string, string | true>>;
};

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

export const parseArgs = (argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs => {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const hint = `运行「disclosure-report ${command} --help」查看用法`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) inline = a.slice(eq + 1);
      spec = byName.get(name);
      if (!spec) throw new UsageError(`未知选项「--${name}」。${hint}`);
    } else if (a.startsWith('-') && a.length > 1) {
      spec = byShort.get(a.slice(1));
      if (!spec) throw new UsageError(`未知选项「${a}」。${hint}`);
    } else {
      positionals.push(a);
      continue;
    }
    if (spec.value) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-') && v.length > 1)) throw new UsageError(`选项「--${spec.name}」需要一个值。${hint}`);
      if (options[spec.name] !== undefined) throw new UsageError(`选项「--${spec.name}」只能给一次。${hint}`);
      options[spec.name] = v;
    } else {
      if (inline !== undefined) throw new UsageError(`选项「--${spec.name}」不带值。${hint}`);
      options[spec.name] = true;
    }
  }
  return { positionals, options };
};

export const stringOption = (p: ParsedArgs, name: string): string | undefined => {
  const v = p.options[name];
  return typeof v === 'string' ? v : undefined;
};

export const flag = (p: ParsedArgs, name: string): boolean => p.options[name] === true;

/** `--year`: a year of the statutory report (2000–2100), checked before any work. */
export const yearOption = (p: ParsedArgs): number | undefined => {
  const v = stringOption(p, 'year');
  if (v === undefined) return undefined;
  if (!/^(20\d\d|2100)$/.test(v)) throw new UsageError(`--year 应为 2000—2100 之间的年份，实际为「${v}」`);
  return Number(v);
};
