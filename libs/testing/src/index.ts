export * from './test-app';
export * from './builders';
