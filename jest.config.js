/** One Jest run for the whole suite: unit, contract/integration and end-to-end tiers. */
const aliases = ['governance', 'event-store', 'projections', 'ledger', 'config', 'integration', 'verifier', 'transparency'];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@concord/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@concord/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
  setupFiles: ['reflect-metadata'],
  // One budget for every test: end-to-end files start real processes, and the machines are shared
  // and slow at times. A file that needs more says so with its own jest.setTimeout and a reason.
  testTimeout: 30_000,
  // A worker per core, also on a two-core machine (Jest's default there is one): most of an
  // end-to-end file's time is spent waiting on the processes and the disk it drives, not on a core.
  maxWorkers: '100%',
};
