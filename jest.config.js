// One jest run for the whole workspace; each package is a project so that its tests
// run in the environment they need (node, jsdom) with the same SWC transform.
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  moduleNameMapper: {
    '^@budgetflow/domain$': '<rootDir>/packages/domain/src/index.ts',
    '^@budgetflow/domain/(.*)$': '<rootDir>/packages/domain/src/$1',
    // A relative import written with .js for node16 resolution (the CLI's lazy renderers) is the .ts beside it.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // NestJS 12 ships ESM only; jest on Node 20 cannot require(esm), so SWC compiles it to CommonJS
  // (and otplib's base32 and hashes, @scure and @noble).
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/|@nestjs/|@scure/|@noble/)'],
};

module.exports = {
  // Generous, for a busy CI machine: a story of a dozen HTTP steps (review-chain) and a set-up that
  // seeds a district passed 30 s when the two cores were shared with other work. No test relies on it.
  testTimeout: 90_000,
  // Most suites wait on PostgreSQL, Redis or Chromium rather than compute, and each has a database
  // and key prefix of its own; jest's default on 2 cores is one worker, which leaves them idle.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/longest-first.sequencer.cjs',
  projects: [
    {
      ...shared,
      displayName: 'domain',
      testEnvironment: 'node',
      roots: ['<rootDir>/packages/domain'],
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc(false) },
    },
    {
      ...shared,
      displayName: 'cli',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps/cli'],
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc(false) },
    },
    {
      ...shared,
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps/api'],
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc(false), '^.+\\.js$': swc(false) },
    },
    {
      ...shared,
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/apps/web'],
      testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
      transform: { '^.+\\.tsx?$': swc(true) },
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform: { '^.+\\.ts$': swc(false), '^.+\\.js$': swc(false) },
    },
  ],
};
