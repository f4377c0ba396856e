export * from './aggregate-record';
export * from './meeting-view';
export * from './ledger-view';
export * from './projection-runner';
export * from './read-models';
