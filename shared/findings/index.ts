export * from './finding';
export * from './check';
export * from './codes';
