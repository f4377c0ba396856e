export * from './published-schemas';
export * from './cloud-event-schema';
