/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/stubs/officeAddinManifest.js' },
  reporters: ['default', '<rootDir>/test/support/plainSummaryReporter.js'],
};
