export * from './test-app';
export * from './builders';
export * from './inventory-builders';
export * from './events-builders';
export * from './customer-builders';
export * from './order-builders';
export * from './returns-builders';
