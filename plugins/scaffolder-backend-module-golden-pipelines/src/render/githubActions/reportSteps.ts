import { PlanStep } from '../../pipeline/plan';
import { Step, uses } from './actionSteps';

/** Keeps a job's reports as an artifact, even when the job fails. */
export function saveReportsSteps(
  step: Extract<PlanStep, { type: 'save-reports' }>,
): Step[] {
  return [
    uses('uploadArtifact', {
      if: '${{ !cancelled() }}',
      with: {
        name: step.name,
        path: step.paths.join('\n'),
        'if-no-files-found': 'error',
        'retention-days': 30,
      },
    }),
  ];
}

/** Brings the reports of earlier jobs back to where they were written. */
export function loadReportsSteps(
  step: Extract<PlanStep, { type: 'load-reports' }>,
): Step[] {
  return step.reports.map(r =>
    uses('downloadArtifact', { with: { name: r.name, path: r.root } }),
  );
}
