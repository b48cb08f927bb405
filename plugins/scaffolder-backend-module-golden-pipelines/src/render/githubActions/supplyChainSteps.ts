import { PlanStep } from '../../pipeline/plan';
import { verifySupplyChain } from '../../pipeline/scripts';
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
 * Signs the image and attests its SLSA provenance keyless (Sigstore), then verifies both as a
 * consumer would, with the outcome as outputs of the step `verify`.
 */
export function signSteps(
  step: Extract<PlanStep, { type: 'sign' }>,
  outputSteps: Map<string, string>,
): Step[] {
  const image = () => ({
    IMAGE: expression(step.image),
    DIGEST: expression(step.digest),
  });
  outputSteps.set('signature-verified', 'verify');
  outputSteps.set('slsa-level', 'verify');
  return [
    registryLogin(),
    uses('cosignInstaller'),
    {
      name: 'Sign the image (keyless, Sigstore)',
      env: image(),
      run: 'cosign sign --yes "$IMAGE@$DIGEST"',
    },
    {
      name: 'SLSA provenance attestation (keyless, Sigstore)',
      env: {
        ...image(),
        RUN_URL: expression({ kind: 'context', name: 'run-url' }),
        REPOSITORY: '${{ github.server_url }}/${{ github.repository }}',
        COMMIT: expression({ kind: 'context', name: 'commit' }),
      },
      run: [
        'jq -n --arg repo "$REPOSITORY" --arg commit "$COMMIT" --arg run "$RUN_URL" \\',
        '  \'{buildDefinition: {buildType: "https://actions.github.io/buildtypes/workflow/v1", externalParameters: {repository: $repo, commit: $commit}}, runDetails: {metadata: {invocationId: $run}}}\' > provenance.json',
        'cosign attest --yes --type slsaprovenance1 --predicate provenance.json "$IMAGE@$DIGEST"',
      ].join('\n'),
    },
    {
      name: 'Verify the signature and the provenance as a consumer would',
      id: 'verify',
      env: {
        ...image(),
        // Keyless: the certificate names this workflow on this repository.
        IDENTITY: '${{ github.server_url }}/${{ github.workflow_ref }}',
      },
      run: verifySupplyChain(
        'https://token.actions.githubusercontent.com',
        '$GITHUB_OUTPUT',
      ),
    },
  ];
}
