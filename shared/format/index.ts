export * from './types';
export * from './table2';
export * from './table3';
export * from './table4';
export * from './sections';
export * from './cells';
export * from './header-layout';
