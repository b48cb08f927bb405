import { PlanJob, PlanStep } from '../../pipeline/plan';
import { GITLAB_IMAGES } from '../pinnedActions';

/** The image a job runs in, by what it does: the cloud's CLI, Docker in Docker, a scanner... */
export function imageFor(job: PlanJob): { image: string; services?: string[] } {
  const types = new Set(job.steps.map(s => s.type));
  const cloud = job.steps.find(
    (s): s is Extract<PlanStep, { type: 'cloud-login' }> =>
      s.type === 'cloud-login',
  )?.clouds[0];
  if (cloud === 'azure') return { image: GITLAB_IMAGES.azureCli };
  if (cloud === 'gcp') return { image: GITLAB_IMAGES.gcloud };
  if (cloud === 'aws') return { image: GITLAB_IMAGES.toolbox };
  if (types.has('image-build') || types.has('sign')) {
    return {
      image: GITLAB_IMAGES.docker,
      services: [`${GITLAB_IMAGES.docker}-dind`],
    };
  }
  if (types.has('sast')) return { image: GITLAB_IMAGES.semgrep };
  if (types.has('dependency-scan')) return { image: GITLAB_IMAGES.trivy };
  if (types.has('setup-terraform')) return { image: GITLAB_IMAGES.terraform };
  if (types.has('setup-node')) return { image: GITLAB_IMAGES.node };
  return { image: GITLAB_IMAGES.toolbox };
}
