import { describe, expect, it } from 'vitest';
import { isCellId, t2, t3, t4 } from '../../shared/format/cells';

// The @ts-expect-error lines are the test: `npm run typecheck` fails if a misspelt row or column compiles.
describe('cell ids built by t2/t3/t4', () => {
  it('accepts only rows and columns of the format tables (a typo does not compile)', () => {
    expect(isCellId(t3('granted', 'natural'))).toBe(true);
    expect(isCellId(t2('rules', 'issued'))).toBe(true);
    expect(isCellId(t4('review', 'total'))).toBe(true);
    // @ts-expect-error 'naturall' is not a column of 表三
    expect(isCellId(t3('granted', 'naturall'))).toBe(false);
    // @ts-expect-error 'grantd' is not a row of 表三
    expect(isCellId(t3('grantd', 'natural'))).toBe(false);
    // @ts-expect-error 'rule' is not a row of 表二
    expect(isCellId(t2('rule', 'issued'))).toBe(false);
    // @ts-expect-error 'suit' is not a group of 表四 (its groups are suit_direct, suit_after_review)
    expect(isCellId(t4('suit', 'total'))).toBe(false);
  });
});
