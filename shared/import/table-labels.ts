/**
 * Text that is a statutory table's own words — its row and column labels, 「第二十条第（一）项」, the 勾稽 note,
 * its name 「表三 收到和处理政府信息公开申请情况」, 「（续表）」 over its continuation — found as a paragraph beside a table in someone else's file
 * (a label cell Word pushed out of a split table, a row typed as text). It belongs to the table, which every
 * export prints anyway: it is never a note of the agency's own (表后说明).
 */
import { TABLE_NAMES } from '../format/cells';
import { TABLE_IDS, tableLayout } from '../format/header-layout';
import { bare, canonicalText } from './labels';

const key = (s: string): string => bare(canonicalText(s));

/** Every label of the three tables, longest first (the longest match is tried first). */
const LABEL_KEYS: readonly string[] = [
  ...new Set([
    ...TABLE_IDS.flatMap((t) =>
      tableLayout(t)
        .rows.flat()
        .filter((c) => c.kind !== 'data')
        .map((c) => key(c.text)),
    ),
    ...Object.values(TABLE_NAMES).map(key),
    // the table names without their number, and the numbers alone (「表二」)
    ...Object.values(TABLE_NAMES).flatMap((n) => n.split(/\s+/).map(key)),
    // 「（续表）」「表三（续）」 over the part of a table that goes on after a page break
    '续表',
    '续',
  ]),
]
  .filter((k) => k.length > 0)
  .sort((a, b) => b.length - a.length);

/** Longer than any run of labels a person would type on one line. */
const MAX_CHARS = 400;

/** The paragraph is made only of labels of the statutory tables (in any order, numbering included). */
export const isTableLabelText = (text: string): boolean => {
  if (text.length > MAX_CHARS) return false;
  const s = key(text);
  if (!s) return false;
  // can s be cut into labels? reach[i]: the first i characters can
  const reach = new Uint8Array(s.length + 1);
  reach[0] = 1;
  for (let i = 0; i < s.length; i++) {
    if (!reach[i]) continue;
    for (const k of LABEL_KEYS) if (s.startsWith(k, i)) reach[i + k.length] = 1;
  }
  return reach[s.length] === 1;
};
