/** The exports of a report: Word (GB/T 9704 layout), Excel (tables with live totals) and an HTML fragment. */
export { buildDocx } from './docx';
export { buildXlsx } from './xlsx';
export { buildHtml } from './html';
