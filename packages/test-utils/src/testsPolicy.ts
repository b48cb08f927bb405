/**
 * A scorecards policy of two checks on the JUnit report alone, for tests that need a gate
 * without the default policy's other evidence: any test run passes; a failing test warns on
 * staging and blocks production.
 */
export const testsPolicy = {
  checks: [
    {
      id: 'tests-ran',
      title: 'Tests ran',
      fixHint: 'Upload the JUnit report',
      fact: 'tests.total',
      operator: '>=',
      threshold: 1,
      weight: 1,
      enforcement: 'fail',
    },
    {
      id: 'no-failing-tests',
      title: 'No failing tests',
      fixHint: 'Fix the failing test',
      fact: 'tests.failed',
      operator: '<=',
      threshold: 0,
      weight: 1,
      enforcement: 'fail',
      environments: { staging: { enforcement: 'warn' } },
    },
  ],
};
