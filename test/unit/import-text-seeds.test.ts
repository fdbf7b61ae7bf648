import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { evaluate } from '../../shared/rules';
import { CELL_IDS } from '../../shared/format';
import { SEED_FILES, seedExpectation, seedText } from '../helpers/seeds';

/** How each seed's narratives begin (from the published text), to prove the sections were cut at the right headings. */
const NARRATIVE_STARTS: Record<string, { overview: string; problems: string; other_matters: string }> = {
  '2023_jiyuan-city.txt': {
    overview: '本报告数据统计时间为',
    problems: '存在问题：一是部分政府信息公开不及时',
    other_matters: '2023年未收取信息公开处理费用。',
  },
  '2023_longting-district-office.txt': {
    overview: '2023 年，政府办在区委、区政府的支持和指导下',
    problems: '2023年，我区政务公开工作仍存在一些不足',
    other_matters: '依申请公开收费标准按照',
  },
  '2023_xinxiang-city-office.txt': {
    overview: '2023 年，新乡市人民政府办公室全面贯彻落实',
    problems: '2023 年工作中存在的主要问题',
    other_matters: '2023 年度信息公开申请未向申请人收取任何费用。',
  },
  '2023_xiuwu-county.txt': {
    overview: '2023 年，修武县全面贯彻落实',
    problems: '存在的主要问题：一是重大行政决策信息公开需进一步加强',
    other_matters: '2023年，全县政府信息公开工作未发生收取信息处理费情况。',
  },
  '2023_xuchang-city.txt': {
    overview: '2023 年，许昌市人民政府坚持以习近平新时代中国特色社会主义思想为指导',
    problems: '存在的问题：一是政务公开工作人员调整相对频繁',
    other_matters: '严格落实《国务院办公厅关于印发',
  },
};

describe('importText reads the five published seed reports exactly', () => {
  it('has a narrative expectation for every seed file', () => {
    expect(Object.keys(NARRATIVE_STARTS).sort()).toEqual(SEED_FILES);
  });

  for (const file of SEED_FILES) {
    describe(file, () => {
      const r = importText(seedText(file));
      const e = seedExpectation(file);

      it('reads agency, year and all 200 cells as in expected.json', () => {
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.report.agency).toBe(e.agency);
        expect(r.report.year).toBe(e.year);
        expect(Object.keys(e.cells).sort()).toEqual([...CELL_IDS].sort());
        for (const id of CELL_IDS) expect({ id, v: r.report.cells[id] }).toEqual({ id, v: (e.cells as Record<string, unknown>)[id] });
        expect(r.stats.found).toEqual({ t2: 10, t3: 175, t4: 15 });
        expect(r.formatEdition).toBe('2021');
        expect(r.kind).toBe('text');
      });

      it('gives no error-level finding and no warning note', () => {
        if (!r.ok) throw new Error(r.message);
        expect(evaluate(r.report).filter((f) => f.severity === 'error')).toEqual([]);
        expect(r.notes.filter((n) => n.level !== 'info')).toEqual([]);
        expect(r.report.settings.autoTotals).toBe(true);
      });

      it('cuts the narratives of 一、五、六 at their headings', () => {
        if (!r.ok) throw new Error(r.message);
        const starts = NARRATIVE_STARTS[file]!;
        for (const id of ['overview', 'problems', 'other_matters'] as const) {
          expect(r.report.narratives[id].startsWith(starts[id]), `${id}: ${r.report.narratives[id].slice(0, 30)}`).toBe(true);
          expect(r.report.narratives[id]).not.toMatch(/^[一二三四五六]、/m);
        }
        // sub-headings of 一 stay as text, and the tables' numbers do not leak into the narratives
        expect(r.report.narratives.overview).not.toContain('\t');
        expect(r.report.narratives.problems).not.toContain('其他需要报告的事项');
      });
    });
  }
});
