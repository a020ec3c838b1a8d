// Three tiers (see README): unit specs next to the code (no Nest, no database), and e2e journeys
// in test/ that boot the real app on a real PostgreSQL (embedded unless DATABASE_URL is set).
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.json' }],
};

// TEST_TIER=unit|e2e runs one tier (npm run test:unit / test:e2e); further arguments filter files.
const tier = process.env.TEST_TIER;

const projects = [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
];

module.exports = {
  testTimeout: 60_000,
  // Two workers even on 2 cores: e2e files spend much of their time waiting (on PostgreSQL, on
  // timers, on child processes), so two run side by side in less time than one after the other.
  maxWorkers: Number(process.env.JEST_MAX_WORKERS ?? 2),
  projects: tier ? projects.filter((project) => project.displayName === tier) : projects,
};
