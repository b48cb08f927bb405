import { AddViolation, Obj } from '../pipelineYaml';

/** An action or reusable workflow pinned by the full 40-character commit SHA. */
const PINNED_USES =
  /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const DOCKER_BY_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** pinned-actions: a job calling another repository's reusable workflow pins it by commit SHA. */
export function checkReusableWorkflowPinned(
  add: AddViolation,
  where: string,
  job: Obj,
): void {
  if (typeof job.uses === 'string' && !job.uses.startsWith('./')) {
    if (!PINNED_USES.test(job.uses)) {
      add(
        'pinned-actions',
        `${where}.uses`,
        `reusable workflow ${job.uses} is not pinned by a full 40-character commit SHA`,
      );
    }
  }
}

/** pinned-actions: a step's action is pinned by commit SHA, its container by digest. */
export function checkActionPinned(
  add: AddViolation,
  label: string,
  uses: string,
): void {
  if (!uses || uses.startsWith('./')) return;
  if (uses.startsWith('docker://')) {
    if (!DOCKER_BY_DIGEST.test(uses)) {
      add(
        'pinned-actions',
        `${label}.uses`,
        `${uses} is a container by tag; pin it by digest (docker://image@sha256:...)`,
      );
    }
  } else if (!PINNED_USES.test(uses)) {
    add(
      'pinned-actions',
      `${label}.uses`,
      `${uses} is not pinned by a full 40-character commit SHA; use ${
        uses.split('@')[0]
      }@<commit sha> # <version>`,
    );
  }
}
