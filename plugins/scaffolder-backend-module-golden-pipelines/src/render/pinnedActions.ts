/**
 * The third-party GitHub Actions a golden pipeline uses, each pinned to the full commit SHA of
 * the named release (the version is kept in a trailing comment so Renovate's
 * `helpers:pinGitHubActionDigests` can bump both together). Changing a pin here changes every
 * pipeline generated from then on.
 */
export const PINNED_ACTIONS = {
  checkout: {
    uses: 'actions/checkout',
    sha: '11bd71901bbe5b1630ceea73d27597364c9af683',
    version: 'v4.2.2',
  },
  setupNode: {
    uses: 'actions/setup-node',
    sha: '49933ea5288caeca8642d1e84afbd3f7d6820020',
    version: 'v4.4.0',
  },
  uploadArtifact: {
    uses: 'actions/upload-artifact',
    sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02',
    version: 'v4.6.2',
  },
  downloadArtifact: {
    uses: 'actions/download-artifact',
    sha: 'd3f86a106a0bac45b974a628896c90dbdf5c8093',
    version: 'v4.3.0',
  },
  codeqlInit: {
    uses: 'github/codeql-action/init',
    sha: 'ff0a06e83cb2de871e5a09832bc6a81e7276941f',
    version: 'v3.28.18',
  },
  codeqlAnalyze: {
    uses: 'github/codeql-action/analyze',
    sha: 'ff0a06e83cb2de871e5a09832bc6a81e7276941f',
    version: 'v3.28.18',
  },
  trivy: {
    uses: 'aquasecurity/trivy-action',
    sha: 'ed142fd0673e97e23eac54620cfb913e5ce36c25',
    version: 'v0.36.0',
  },
  setupBuildx: {
    uses: 'docker/setup-buildx-action',
    sha: 'e468171a9de216ec08956ac3ada2f0791b6bd435',
    version: 'v3.11.1',
  },
  dockerLogin: {
    uses: 'docker/login-action',
    sha: '184bdaa0721073962dff0199f1fb9940f07167d1',
    version: 'v3.5.0',
  },
  buildPush: {
    uses: 'docker/build-push-action',
    sha: '263435318d21b8e681c14492fe198d362a7d2c83',
    version: 'v6.18.0',
  },
  cosignInstaller: {
    uses: 'sigstore/cosign-installer',
    sha: '3454372f43399081ed03b604cb2d021dabca52bb',
    version: 'v3.8.2',
  },
  setupTerraform: {
    uses: 'hashicorp/setup-terraform',
    sha: 'b9cd54a3c349d3f38e8881555d616ced269862dd',
    version: 'v3.1.2',
  },
  awsCredentials: {
    uses: 'aws-actions/configure-aws-credentials',
    sha: 'e3dd6a429d7300a6a4c196c26e071d42e0343502',
    version: 'v4.0.2',
  },
  azureLogin: {
    uses: 'azure/login',
    sha: 'a457da9ea143d694b1b9c7c869ebb04ebe844ef5',
    version: 'v2.3.0',
  },
  gcpAuth: {
    uses: 'google-github-actions/auth',
    sha: 'ba79af03959ebeac9769e648f473a284504d9193',
    version: 'v2.1.10',
  },
} as const;

/** A key of {@link PINNED_ACTIONS}. */
export type PinnedActionKey = keyof typeof PINNED_ACTIONS;

/** The `uses:` value of a pinned action. */
export function pinnedUses(key: PinnedActionKey): string {
  const action = PINNED_ACTIONS[key];
  return `${action.uses}@${action.sha}`;
}

/**
 * Container images of the GitLab CI pipeline, by exact version tag. GitLab runs each job in an
 * image rather than composing actions; Renovate's docker manager keeps these current.
 */
export const GITLAB_IMAGES = {
  node: 'node:22.20.0-bookworm-slim',
  semgrep: 'semgrep/semgrep:1.131.0',
  trivy: 'aquasec/trivy:0.64.1',
  docker: 'docker:28.3.2',
  cosign: 'cgr.dev/chainguard/cosign:2.5.3',
  terraform: 'hashicorp/terraform:1.12.2',
  awsCli: 'amazon/aws-cli:2.27.50',
  azureCli: 'mcr.microsoft.com/azure-cli:2.75.0',
  gcloud: 'gcr.io/google.com/cloudsdktool/google-cloud-cli:531.0.0-stable',
  toolbox: 'alpine/k8s:1.33.3',
} as const;
