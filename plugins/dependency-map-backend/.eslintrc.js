module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'max-lines': ['error', 400],
    'max-lines-per-function': ['error', 80],
  },
  overrides: [
    {
      files: ['**/*.test.ts', '**/*.test.tsx', '**/__testUtils__/**'],
      rules: {
        'max-lines': 'off',
        'max-lines-per-function': 'off',
      },
    },
  ],
});
