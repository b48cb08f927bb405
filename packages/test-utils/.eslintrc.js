module.exports = require('../../scripts/eslint-package')(__dirname, {
  overrides: [
    {
      // openApiSpec.ts stays over the size limit for now: pruned once all three APIs are generated.
      files: ['src/openApiSpec.ts'],
      rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
    },
  ],
});
