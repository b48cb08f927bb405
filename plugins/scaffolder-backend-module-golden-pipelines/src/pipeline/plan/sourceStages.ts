import { pipelineCommand } from '../scripts';
import { install, job, saveReports } from './jobs';
import { PlanJob } from './types';
import { commit } from './values';

/** Source validation: lint, format, types, the repository's own files, the release version. */
export function sourceValidationJob(): PlanJob {
  return job({
    id: 'source-validation',
    stage: 'source-validation',
    needs: [],
    outputs: ['version'],
    steps: [
      { type: 'checkout' },
      { type: 'setup-node' },
      {
        type: 'run',
        name: 'Install exactly the locked dependencies',
        script: 'npm ci --ignore-scripts',
      },
      {
        type: 'run',
        name: 'Lint, format and type-check',
        script: 'npm run lint\nnpm run format:check\nnpm run typecheck',
      },
      {
        type: 'run',
        name: 'Validate catalog-info.yaml, manifests and rollout strategy',
        script:
          'node scripts/validate-repository.mjs catalog-info.yaml waybill/rollout-strategy.yaml deploy/kubernetes',
      },
      {
        type: 'run',
        name: 'Release version',
        script: pipelineCommand('release-version'),
        env: { COMMIT: commit },
        outputs: ['version'],
      },
    ],
  });
}

/** The build and the unit tests, each with the reports later jobs read. */
export function buildAndUnitTestJobs(): PlanJob[] {
  return [
    job({
      id: 'build',
      stage: 'build',
      needs: ['source-validation'],
      steps: [
        { type: 'checkout' },
        ...install,
        { type: 'run', name: 'Build', script: 'npm run build' },
        saveReports('build-output', ['dist/']),
      ],
    }),
    job({
      id: 'unit-tests',
      stage: 'unit-tests',
      needs: ['source-validation'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'Unit tests with JUnit and LCOV reports',
          script: 'npm run test:unit',
        },
        saveReports('unit-test-reports', [
          'reports/junit/unit.xml',
          'reports/coverage/lcov.info',
        ]),
      ],
    }),
  ];
}
