/**
 * Maps the rows of a published table (cell texts, merged cells expanded) onto statutory cell ids by their
 * labels. Rows are found by what they say, not where they stand; numbers are taken from the row, and where
 * labels and numbers are misaligned or on different lines the order of the number rows is kept.
 */
export type { Row, TableRead } from './table-mapper-common';
export { mapT2 } from './table-mapper-t2';
export { mapT3, matchT3Label, thousandsGroups } from './table-mapper-t3';
export { mapT4 } from './table-mapper-t4';
