/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Filling and recalculating workbooks takes seconds on a loaded two-core machine: a timeout is no assertion here.
  testTimeout: 60_000,
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The page's worker is started with import.meta, which CommonJS cannot parse: tests run its handler in-process.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/stubs/officeAddinManifest.js', '^\\./startWorker$': '<rootDir>/test/stubs/startWorker.ts' },
  reporters: ['default', '<rootDir>/test/support/plainSummaryReporter.js'],
};
