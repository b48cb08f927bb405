import { PlanStep } from '../../pipeline/plan';
import { verifySupplyChain } from '../../pipeline/scripts';
import { DOTENV_FROM_OUTPUTS, outputVariable } from './outputs';
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
 * Signs the image and attests its SLSA provenance keyless with the job ID token (Sigstore), then
 * verifies both as a deployment would and outputs the outcome.
 */
export function signScript(step: Extract<PlanStep, { type: 'sign' }>): string {
  return [
    '# Keyless signature and SLSA provenance with the job ID token (Sigstore)',
    `export IMAGE=${shellValue(step.image)} DIGEST=${shellValue(step.digest)}`,
    'apk add --no-cache cosign jq',
    'printf \'%s\' "$CI_JOB_TOKEN" | docker login --username gitlab-ci-token --password-stdin "$CI_REGISTRY"',
    'cosign sign --yes --identity-token "$SIGSTORE_ID_TOKEN" "$IMAGE@$DIGEST"',
    'jq -n --arg pipeline "$CI_PIPELINE_URL" --arg commit "$CI_COMMIT_SHA" --arg repo "$CI_PROJECT_URL" \'{buildDefinition: {buildType: "https://gitlab.com/gitlab-ci", externalParameters: {repository: $repo, commit: $commit}}, runDetails: {metadata: {invocationId: $pipeline}}}\' > provenance.json',
    'cosign attest --yes --identity-token "$SIGSTORE_ID_TOKEN" --type slsaprovenance1 --predicate provenance.json "$IMAGE@$DIGEST"',
    "# Verify both as a deployment would; the certificate names this project's pipeline",
    'IDENTITY="$CI_PROJECT_URL//.gitlab-ci.yml@refs/heads/$CI_COMMIT_REF_NAME"',
    verifySupplyChain('$CI_SERVER_URL', 'outputs.raw'),
    DOTENV_FROM_OUTPUTS,
  ].join('\n');
}
