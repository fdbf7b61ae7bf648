/**
 * A bound on how many findings of one kind one section lists. A long text can state the same wrong figure thousands
 * of times (a pasted block, a generated file): listing each would make the findings list, the editor's highlights and
 * `validate --json` grow without limit. The first PER_SECTION_MAX are listed; the rest are counted in one more
 * finding of the same code that says how many were left out.
 */
import type { Check } from '../findings/check';
import type { Finding } from '../findings/finding';
import { narrativeHeading } from '../format/sections';
import type { NarrativeId } from '../format/types';

export const PER_SECTION_MAX = 50;

export const capFindings = (findings: readonly Finding[]): Finding[] => {
  const seen = new Map<string, { count: number; first: Finding }>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!f.narrative) {
      out.push(f);
      continue;
    }
    const key = `${f.narrative.section}\u0000${f.code}`;
    const s = seen.get(key);
    if (!s) seen.set(key, { count: 1, first: f });
    else s.count++;
    if ((s?.count ?? 1) <= PER_SECTION_MAX) out.push(f);
  }
  for (const { count, first } of seen.values()) {
    if (count <= PER_SECTION_MAX) continue;
    const section = first.narrative!.section as NarrativeId;
    out.push({
      code: first.code,
      severity: first.severity,
      cells: first.cells,
      message: `「${narrativeHeading(section)}」中同类问题（${first.code}）共 ${count} 处，以上只列出前 ${PER_SECTION_MAX} 处，另有 ${count - PER_SECTION_MAX} 处未逐条列出。请先核对已列出的各处。`,
      actual: count,
      narrative: { ...first.narrative!, end: first.narrative!.start, quote: '' },
    });
  }
  return out;
};

/** The check with its findings bounded per section and code. */
export const capped =
  (check: Check): Check =>
  (ctx) =>
    capFindings(check(ctx));
