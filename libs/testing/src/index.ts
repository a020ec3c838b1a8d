export * from './test-app';
export * from './builders';
export * from './inventory-builders';
