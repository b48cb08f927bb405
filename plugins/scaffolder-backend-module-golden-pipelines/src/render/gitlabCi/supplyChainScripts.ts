import { PlanStep } from '../../pipeline/plan';
import {
  attestSupplyChain,
  verifyImageSignature,
} from '../../pipeline/scripts';
import { outputVariable } from './outputs';
import { shellValue } from './values';

/** Builds the image, pushes it only from the default branch, and outputs its reference and digest. */
export function imageBuildScript(
  step: Extract<PlanStep, { type: 'image-build' }>,
): string {
  return [
    '# Image build; pushed only from the default branch',
    `export IMAGE=${shellValue(step.image)}`,
    'docker build --tag "$IMAGE:$CI_COMMIT_SHA" .',
    'if [ "$CI_COMMIT_BRANCH" = "$CI_DEFAULT_BRANCH" ]; then',
    '  printf \'%s\' "$CI_JOB_TOKEN" | docker login --username gitlab-ci-token --password-stdin "$CI_REGISTRY"',
    '  docker push "$IMAGE:$CI_COMMIT_SHA"',
    '  digest=$(docker inspect --format \'{{index .RepoDigests 0}}\' "$IMAGE:$CI_COMMIT_SHA" | cut -d@ -f2)',
    'else',
    '  digest=unpublished',
    'fi',
    `printf '${outputVariable('image')}=%s\\n${outputVariable(
      'digest',
    )}=%s\\n' "$IMAGE" "$digest" >> outputs.env`,
  ].join('\n');
}

/**
 * Signs the image keyless with the job ID token (Sigstore) for the deployment's admission
 * check, attests its SLSA provenance and release as Sigstore bundles for Waybill to verify, and
 * verifies the image signature as a deployment would.
 */
export function signScript(step: Extract<PlanStep, { type: 'sign' }>): string {
  return [
    '# Keyless signature, SLSA provenance and release attestations with the job ID token (Sigstore)',
    `export IMAGE=${shellValue(step.image)} DIGEST=${shellValue(step.digest)}`,
    'apk add --no-cache cosign jq',
    'printf \'%s\' "$CI_JOB_TOKEN" | docker login --username gitlab-ci-token --password-stdin "$CI_REGISTRY"',
    'cosign sign --yes --identity-token "$SIGSTORE_ID_TOKEN" "$IMAGE@$DIGEST"',
    "# The certificate names this project's pipeline",
    'export IDENTITY="$CI_PROJECT_URL//.gitlab-ci.yml@refs/heads/$CI_COMMIT_REF_NAME"',
    'export REPOSITORY_URL="$CI_PROJECT_URL" COMMIT="$CI_COMMIT_SHA" RUN_URL="$CI_PIPELINE_URL" BUILDER_ID="$IDENTITY" BUILD_TYPE=https://gitlab.com/gitlab-ci',
    attestSupplyChain('--identity-token "$SIGSTORE_ID_TOKEN"'),
    verifyImageSignature('$CI_SERVER_URL'),
  ].join('\n');
}
