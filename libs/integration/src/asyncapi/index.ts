export * from './asyncapi-types';
export * from './asyncapi-document';
export * from './event-messages';
export * from './event-stream-channel';
export * from './webhook-channel';
export * from '../schemas';
