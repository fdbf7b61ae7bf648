export * from './document';
export * from './money';
export * from './number-input';
export * from './restore';
export * from './totals';
