import { T3_COLUMNS, T3_ROWS } from '../../shared/format/table3';
import { T4_COLUMNS, T4_GROUPS } from '../../shared/format/table4';
import { createReport, computeTotals, type Report } from '../../shared/report';

/** A small deterministic PRNG so a failing property case can be replayed from its seed. */
export const rng = (seed: number) => {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
};

/** A random report in which every identity holds: parts drawn at random, totals and 一 derived. */
export const randomConsistentReport = (seed: number, year = 2024): Report => {
  const r = rng(seed);
  const cells: Record<string, number | string | null> = {};
  for (const row of T3_ROWS) for (const c of T3_COLUMNS) if (c.id !== 'total' && row.kind === 'result') cells[`t3.${row.id}.${c.id}`] = r(4) === 0 ? r(50) : r(3);
  for (const c of T3_COLUMNS) {
    if (c.id === 'total') continue;
    const carriedIn = r(5);
    const carriedOut = r(5);
    const results = T3_ROWS.filter((x) => x.kind === 'result').reduce((a, x) => a + (cells[`t3.${x.id}.${c.id}`] as number), 0);
    cells[`t3.carried_in.${c.id}`] = carriedIn;
    cells[`t3.carried_out.${c.id}`] = carriedOut;
    // 一 is chosen so that 一 + 二 = （七） + 四; add to the results if it would go negative
    const newApps = results + carriedOut - carriedIn;
    if (newApps < 0) cells[`t3.granted.${c.id}`] = (cells[`t3.granted.${c.id}`] as number) - newApps;
    cells[`t3.new.${c.id}`] = Math.max(newApps, 0);
  }
  for (const g of T4_GROUPS) for (const c of T4_COLUMNS) if (c.id !== 'total') cells[`t4.${g.id}.${c.id}`] = r(6);
  for (const row of ['rules', 'normative']) {
    cells[`t2.${row}.issued`] = r(30);
    cells[`t2.${row}.repealed`] = r(10);
    cells[`t2.${row}.effective`] = 30 + r(500);
  }
  for (const id of ['license', 'penalty', 'coercion']) cells[`t2.${id}.decisions`] = r(100000);
  cells['t2.fees.amount'] = `${r(100000)}.${String(r(1000000)).padStart(6, '0')}`.replace(/\.?0+$/, '') || '0';
  return createReport({
    agency: `测试机关${seed}`,
    year,
    cells: computeTotals(cells),
    narratives: { overview: `${year}年总体情况${seed}。`, problems: '存在问题。', other_matters: '未收取信息处理费。' },
    settings: { autoTotals: true },
  });
};
