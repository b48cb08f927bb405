module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'max-lines': ['error', 400],
    'max-lines-per-function': ['error', 80],
  },
  overrides: [
    {
      files: [
        '*.test.ts',
        '**/__testUtils__/**',
        '**/__fixtures__/**',
        '**/fixtures/**',
      ],
      rules: {
        'max-lines': 'off',
        'max-lines-per-function': 'off',
      },
    },
    {
      // Still to be split (issue 13): the workflow validators and the renderers' step lists.
      files: [
        'src/policy/validateGithubActions.ts',
        'src/policy/validateGitlabCi.ts',
        'src/render/githubActions.ts',
        'src/render/gitlabCi.ts',
      ],
      rules: {
        'max-lines': 'off',
        'max-lines-per-function': 'off',
      },
    },
  ],
});
