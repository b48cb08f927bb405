import { install, job, reportRoot, saveReports } from './jobs';
import { PlanJob, PlanValue } from './types';
import { imageDigest, imageRef } from './values';

/** The SBOM, the dependency scan of it, and static analysis. */
export function scanJobs(): PlanJob[] {
  const sbom = job({
    id: 'sbom',
    stage: 'sbom',
    needs: ['source-validation'],
    steps: [
      { type: 'checkout' },
      ...install,
      {
        type: 'run',
        name: 'SBOM of what the image ships (CycloneDX, from the lockfile)',
        script: 'npm run sbom',
      },
      saveReports('sbom', ['reports/sbom.cdx.json']),
    ],
  });
  return [
    sbom,
    job({
      id: 'dependency-scan',
      stage: 'dependency-scan',
      needs: ['sbom'],
      steps: [
        {
          type: 'load-reports',
          reports: [{ name: 'sbom', root: reportRoot([sbom], 'sbom') }],
        },
        { type: 'dependency-scan' },
        saveReports('dependency-reports', ['reports/dependencies.cdx.json']),
      ],
    }),
    job({
      id: 'sast',
      stage: 'sast',
      needs: ['source-validation'],
      permissions: ['security-events'],
      steps: [
        { type: 'checkout' },
        ...install,
        {
          type: 'run',
          name: 'ESLint findings as SARIF',
          script: 'npm run lint:sarif',
        },
        { type: 'sast' },
        saveReports('sast-reports', ['reports/sast/']),
      ],
    }),
  ];
}

/**
 * The image, once every check passed, then its keyless signature, and its SLSA provenance and
 * release attestations as Sigstore bundles.
 */
export function imageJobs(): PlanJob[] {
  const imageName: PlanValue = { kind: 'variable', name: 'IMAGE_REPOSITORY' };
  return [
    job({
      id: 'image-build',
      stage: 'image-build',
      needs: ['build', 'unit-tests', 'dependency-scan', 'sast', 'sbom'],
      permissions: ['packages'],
      outputs: ['image', 'digest'],
      steps: [{ type: 'checkout' }, { type: 'image-build', image: imageName }],
    }),
    job({
      id: 'signing-provenance',
      stage: 'signing-provenance',
      needs: ['image-build'],
      when: 'main',
      permissions: ['id-token', 'packages'],
      // The signed provenance and release statement, which Waybill verifies on upload.
      steps: [
        { type: 'sign', image: imageRef, digest: imageDigest },
        saveReports('supply-chain', ['reports/supply-chain/']),
      ],
    }),
  ];
}
