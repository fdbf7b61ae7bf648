/**
 * How much nonsense a page with a table may carry: a stray symbol in a font of its own (a check box, a private-use
 * glyph) is set aside with the warning and the file is read; three characters of nonsense on such a page may be its
 * cells and refuse the file. Pages are built as the PDF engine gives them (runs with positions), no PDF needed.
 */
import { describe, expect, it } from 'vitest';
import type { PdfItem, PdfPage } from '../../shared/import/pdf-engine';
import { setAsideGarbled, setAsideNote } from '../../shared/import/pdf-garbled';
import { PdfRefusal } from '../../shared/import/pdf-budget';

const run = (str: string, x: number, y: number): PdfItem => ({ str, x, y, w: str.length * 10, size: 10 });
const tablePage = (extra: readonly PdfItem[]): PdfPage => ({
  width: 595,
  height: 842,
  images: 0,
  h: [],
  v: [],
  items: [
    run('三、收到和处理政府信息公开申请情况', 60, 80),
    run('本年新收政府信息公开申请数量', 60, 120),
    run('12', 300, 120),
    run('3', 360, 120),
    run('0', 420, 120),
    run('总计', 60, 160),
    ...extra,
  ],
});

describe('nonsense on a page with a table', () => {
  it('one private-use symbol (a check box in a font of its own) is set aside with the warning, the page read', () => {
    const r = setAsideGarbled([tablePage([run('\ue5e5', 500, 200)])]);
    expect(r.setAside).toEqual([{ page: 1, chars: 1 }]);
    expect(r.pages[0]!.items.map((i) => i.str)).not.toContain('\ue5e5');
    expect(setAsideNote(r.setAside)).toMatch(/^第 1 页有 1 个字无法识别/);
  });

  it('three characters of nonsense there may be cells: the file is refused', () => {
    expect(() => setAsideGarbled([tablePage([run('\ue5e5\ue5e6\ue5e7', 500, 200)])])).toThrow(PdfRefusal);
    expect(() => setAsideGarbled([tablePage([run('\ue5e5', 300, 200), run('\ue5e6', 360, 200), run('\ue5e7', 420, 200)])])).toThrow(PdfRefusal);
  });
});
