import { Step, uses } from './actionSteps';

/** Static analysis with CodeQL, its results as SARIF. */
export function sastSteps(): Step[] {
  return [
    uses('codeqlInit', {
      name: 'Initialise CodeQL',
      with: {
        languages: 'javascript-typescript',
        queries: 'security-extended',
      },
    }),
    uses('codeqlAnalyze', {
      name: 'CodeQL analysis (SARIF)',
      with: { output: 'reports/sast', upload: 'always' },
    }),
  ];
}

/** The known vulnerabilities of the SBOM's dependencies, as CycloneDX. */
export function dependencyScanSteps(): Step[] {
  return [
    uses('trivy', {
      name: 'Known vulnerabilities of the SBOM (CycloneDX)',
      with: {
        'scan-type': 'sbom',
        'scan-ref': 'reports/sbom.cdx.json',
        format: 'cyclonedx',
        output: 'reports/dependencies.cdx.json',
      },
    }),
  ];
}
