export * from './finding';
export * from './identities';
export * from './checks';
export * from './evaluate';
