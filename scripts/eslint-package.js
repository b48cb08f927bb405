/*
 * The lint config of every Waybill package: Backstage's own factory plus the size rule of
 * docs/architecture.md (a source file at most 400 lines, a function at most 80). Tests and
 * their fixtures are exempt. A package's .eslintrc.js is one line:
 *
 *   module.exports = require('../../scripts/eslint-package')(__dirname);
 */
const createConfig = require('@backstage/cli/config/eslint-factory');

const TEST_FILES = [
  '*.test.ts',
  '*.test.tsx',
  '**/__testUtils__/**',
  '**/__fixtures__/**',
  '**/fixtures/**',
];

module.exports = (dir, extra = {}) =>
  createConfig(dir, {
    ...extra,
    rules: {
      'max-lines': ['error', 400],
      'max-lines-per-function': ['error', 80],
      ...extra.rules,
    },
    overrides: [
      {
        files: TEST_FILES,
        rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
      },
      ...(extra.overrides ?? []),
    ],
  });
