export * from './domain-event';
export * from './event-outbox';
export * from './event-bus';
export * from './event-queue-worker';
