import { PlanStep } from '../../pipeline/plan';
import {
  attestSupplyChain,
  verifyImageSignature,
} from '../../pipeline/scripts';
import { Step, uses } from './actionSteps';
import { ON_MAIN, expression } from './expressions';

/** Signs in to the GitHub container registry with the job's token. */
function registryLogin(rest: Step = {}): Step {
  return uses('dockerLogin', {
    ...rest,
    with: {
      registry: 'ghcr.io',
      username: '${{ github.actor }}',
      password: '${{ secrets.GITHUB_TOKEN }}',
    },
  });
}

/**
 * Builds the image (pushed only from the default branch) and outputs its reference and digest
 * from the step `image`.
 */
export function imageBuildSteps(
  step: Extract<PlanStep, { type: 'image-build' }>,
  outputSteps: Map<string, string>,
): Step[] {
  outputSteps.set('image', 'image');
  outputSteps.set('digest', 'image');
  return [
    uses('setupBuildx'),
    registryLogin({ if: ON_MAIN }),
    uses('buildPush', {
      id: 'build',
      with: {
        context: '.',
        push: `\${{ ${ON_MAIN} }}`,
        tags: `${expression(step.image)}:\${{ github.sha }}`,
        provenance: 'mode=max',
      },
    }),
    {
      name: 'Image reference',
      id: 'image',
      env: {
        IMAGE: expression(step.image),
        DIGEST: '${{ steps.build.outputs.digest }}',
      },
      run: 'echo "image=$IMAGE" >> "$GITHUB_OUTPUT"\necho "digest=$DIGEST" >> "$GITHUB_OUTPUT"',
    },
  ];
}

/**
 * Signs the image keyless (Sigstore) for the deployment's admission check, attests its SLSA
 * provenance and release as Sigstore bundles for Waybill to verify, and verifies the image
 * signature as a deployment would.
 */
export function signSteps(step: Extract<PlanStep, { type: 'sign' }>): Step[] {
  const image = () => ({
    IMAGE: expression(step.image),
    DIGEST: expression(step.digest),
  });
  // Keyless: the certificate names this workflow on this repository.
  const workflow = '${{ github.server_url }}/${{ github.workflow_ref }}';
  return [
    registryLogin(),
    uses('cosignInstaller'),
    {
      name: 'Sign the image (keyless, Sigstore)',
      env: image(),
      run: 'cosign sign --yes "$IMAGE@$DIGEST"',
    },
    {
      name: 'SLSA provenance and release attestations (keyless, Sigstore bundles)',
      env: {
        ...image(),
        REPOSITORY_URL: '${{ github.server_url }}/${{ github.repository }}',
        COMMIT: expression({ kind: 'context', name: 'commit' }),
        RUN_URL: expression({ kind: 'context', name: 'run-url' }),
        BUILDER_ID: workflow,
        BUILD_TYPE: 'https://actions.github.io/buildtypes/workflow/v1',
      },
      run: attestSupplyChain(),
    },
    {
      name: 'Verify the image signature as a deployment would',
      env: { ...image(), IDENTITY: workflow },
      run: verifyImageSignature('https://token.actions.githubusercontent.com'),
    },
  ];
}
