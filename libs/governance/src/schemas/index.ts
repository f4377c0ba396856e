export * from './event-schemas';
export * from './upcasters';
export * from './validate-event';
export * from './render-event-catalogue';
export * from './event-shape-problem';
