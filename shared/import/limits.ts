/**
 * The one size limit of every host (desktop, browser, CLI): no report file of any kind comes near it,
 * so a larger file is refused before a byte is read or parsed. Kept apart from the readers so the
 * browser's first screen can check it without loading them.
 */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const tooLargeMessage = (size: number): string =>
  `文件过大（${MB(size)}），超过 ${MB(MAX_IMPORT_BYTES)} 的上限。年度报告的 Word、Excel 或网页文件通常不超过几 MB，请确认选择的文件是否正确`;
