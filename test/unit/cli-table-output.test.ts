import { describe, expect, it } from 'vitest';
import { displayWidth, wrap } from '../../cli/table-output';

describe('CLI table cells wrap like a clerk reads them', () => {
  it('never splits a number across lines when it fits on the next one', () => {
    const lines = wrap('不予处理 29 + 其他处理 49 = 1083，而正文称办结 1086 件', 18);
    expect(lines.every((l) => displayWidth(l) <= 18)).toBe(true);
    expect(lines.join('')).toBe('不予处理 29 + 其他处理 49 = 1083，而正文称办结 1086 件');
    for (const n of ['29', '49', '1083', '1086'])
      expect(
        lines.some((l) => l.includes(n)),
        n,
      ).toBe(true);
  });
  it('still breaks a token longer than the column', () => {
    const lines = wrap('t3.unavailable_needs_creation.total', 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('t3.unavailable_needs_creation.total');
  });
});
