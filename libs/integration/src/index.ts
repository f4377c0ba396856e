export * from './cloud-events/cloud-event';
export * from './cloud-events/stream-body-index';
export * from './feed/event-selection';
export * from './feed/event-feed';
export * from './sse/sse-sink';
export * from './sse/sse-messages';
export * from './sse/live-event-hub';
