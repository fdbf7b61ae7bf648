export * from '../findings';
export * from '../format/identities';
export * from './checks';
export * from './evaluate';
