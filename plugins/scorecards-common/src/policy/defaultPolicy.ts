import { ScorecardPolicy } from './types';

/**
 * The policy Waybill ships: what a platform team would enforce on day one. Weights add up to 100
 * (95 for tiers that do not check migrations).
 */
export const DEFAULT_POLICY: ScorecardPolicy = {
  checks: [
    {
      id: 'no-failing-tests',
      title: 'No failing tests',
      fixHint:
        "Fix the failing tests (the release's test evidence names them) and re-run the pipeline so it uploads a fresh JUnit report. Quarantine a flaky test (skip it and open an issue with an owner) rather than retrying until it passes.",
      fact: 'tests.failed',
      operator: '==',
      threshold: 0,
      weight: 10,
      enforcement: 'fail',
    },
    {
      id: 'no-erroring-tests',
      title: 'No erroring tests',
      fixHint:
        'An erroring test never reached its assertions: read the stack traces below for a missing service, fixture or CI environment variable, fix the setup and re-run.',
      fact: 'tests.errored',
      operator: '==',
      threshold: 0,
      weight: 5,
      enforcement: 'fail',
    },
    {
      id: 'line-coverage',
      title: 'Line coverage floor (80% critical, 70% standard, 50% internal)',
      fixHint:
        "Add tests for the code this release changes; the coverage report shows which files are under-covered. Check that the pipeline uploads the whole suite's Cobertura or LCOV report, not one package's.",
      fact: 'coverage.lineRate',
      operator: '>=',
      threshold: 0.7,
      weight: 10,
      enforcement: 'fail',
      tiers: {
        critical: { threshold: 0.8 },
        internal: { threshold: 0.5 },
      },
      environments: { staging: { enforcement: 'warn' } },
    },
    {
      id: 'no-critical-dependency-vulnerabilities',
      title: 'No critical dependency vulnerabilities',
      fixHint:
        "Run `npm audit fix` (or your ecosystem's upgrade command) or bump the affected packages; the release's dependency evidence lists each vulnerability with its package. If one does not affect you, record that as a VEX statement in the SBOM instead of ignoring it.",
      fact: 'dependencies.vulnerabilitiesBySeverity.critical',
      operator: '<=',
      threshold: 0,
      weight: 15,
      enforcement: 'fail',
    },
    {
      id: 'no-high-dependency-vulnerabilities',
      title: 'No high dependency vulnerabilities',
      fixHint:
        "Bump the affected packages to a fixed version (`npm audit fix`, Renovate or Dependabot updates); the release's dependency evidence lists each vulnerability with its package.",
      fact: 'dependencies.vulnerabilitiesBySeverity.high',
      operator: '<=',
      threshold: 0,
      weight: 5,
      enforcement: 'warn',
    },
    {
      id: 'no-critical-code-findings',
      title: 'No critical code scanning findings',
      fixHint:
        "Fix the findings at the locations the release's security evidence gives. If one is a false positive, suppress it in the scanner with a justification so the SARIF file records it as suppressed.",
      fact: 'security.bySeverity.critical',
      operator: '<=',
      threshold: 0,
      weight: 10,
      enforcement: 'fail',
    },
    {
      id: 'no-high-code-findings',
      title: 'No high code scanning findings in production',
      fixHint:
        "Fix the high-severity findings (the release's security evidence lists them) before promoting to production, or suppress false positives in the scanner with a justification.",
      fact: 'security.bySeverity.high',
      operator: '<=',
      threshold: 0,
      weight: 5,
      enforcement: 'warn',
      environments: { production: { enforcement: 'fail' } },
    },
    {
      id: 'signature-verified',
      title: 'Release signature verified',
      fixHint:
        'Sign the release artifact in the pipeline with the CI identity (for example `cosign attest-blob --new-bundle-format --bundle signature.sigstore.json` or `actions/attest`) and upload the bundle as `signature` evidence with the artifact digest; Waybill verifies it against `scorecards.trust`.',
      fact: 'signature.verified',
      operator: '==',
      threshold: true,
      weight: 10,
      enforcement: 'warn',
      environments: { production: { enforcement: 'fail' } },
    },
    {
      id: 'provenance-slsa-2',
      title: 'Build provenance at SLSA level 2 or higher',
      fixHint:
        'Build on the hosted CI runners and publish signed SLSA provenance (for example `actions/attest-build-provenance` or the SLSA GitHub generator), then upload its bundle as `provenance` evidence; Waybill verifies the signer against `scorecards.trust`, which says the build level it vouches for.',
      fact: 'provenance.slsaBuildLevel',
      operator: '>=',
      threshold: 2,
      weight: 5,
      enforcement: 'warn',
    },
    {
      id: 'rollback-drill-recent',
      title: 'Rollback drill in the last 90 days',
      fixHint:
        'Run a rollback drill: deploy the previous version to staging, check that it serves traffic, roll forward again, and record the date as `lastRollbackDrill` in the readiness document.',
      fact: 'readiness.rollbackDrillAgeDays',
      operator: '<=',
      threshold: 90,
      weight: 5,
      // Blocks critical-tier releases to production only: production tightens it, and the
      // other tiers relax it back to a warning (when both override, the lenient one wins).
      enforcement: 'warn',
      environments: { production: { enforcement: 'fail' } },
      tiers: {
        standard: { enforcement: 'warn' },
        internal: { enforcement: 'warn' },
      },
    },
    {
      id: 'migrations-reversible',
      title: 'Database migrations reversible (critical tier)',
      fixHint:
        'Give every migration in this release a down migration and test it in CI (up, down, up). Move destructive steps such as dropping a column to a later release, once no deployed version reads it.',
      fact: 'readiness.migrationsReversible',
      operator: '==',
      threshold: true,
      weight: 5,
      enforcement: 'off',
      tiers: { critical: { enforcement: 'fail' } },
    },
    {
      id: 'previous-version-deployable',
      title: 'Previous version deployable',
      fixHint:
        "Keep the previous release deployable: don't delete its image or package, and keep this release's schema and config changes backward compatible so the previous version still runs after them.",
      fact: 'readiness.previousVersionDeployable',
      operator: '==',
      threshold: true,
      weight: 10,
      enforcement: 'fail',
    },
    {
      id: 'kill-switch',
      title: 'Kill switch present',
      fixHint:
        'Put the new behaviour behind a feature flag that turns it off without a deployment, and report `killSwitch: true` in the readiness document.',
      fact: 'readiness.killSwitch',
      operator: '==',
      threshold: true,
      weight: 5,
      enforcement: 'warn',
    },
  ],
};
