/** The rules of the pipeline policy, each with what it protects against. */
export const POLICY_RULES = {
  syntax: 'The file parses as YAML and has the shape of a pipeline.',
  'required-stages':
    'Every stage the service tier requires is present (critical services have the most).',
  'oidc-only':
    'Clouds are reached through OIDC federation (AWS role assumption, Azure federated credentials, GCP workload identity), never with stored keys.',
  'least-privilege':
    'The CI token gets only the scopes each job needs (GitHub `permissions:`, GitLab `id_tokens`).',
  'pinned-actions':
    'Third-party actions are pinned by full commit SHA (GitLab: includes by commit, images by version).',
  'untrusted-input':
    'No attacker-controllable value (titles, bodies, branch names, commit messages, inputs) is interpolated into a script.',
  'production-protection':
    'Production is entered only through protected environments, after the evidence gate and an approval.',
} as const;

/** A rule of the pipeline policy. */
export type PolicyRule = keyof typeof POLICY_RULES;

/** One way a pipeline breaks the policy, with where and what to do about it. */
export type PolicyViolation = {
  rule: PolicyRule;
  /** The file, relative to the repository root. */
  file: string;
  /** Where in the file: a job, a step, a key path. */
  location: string;
  message: string;
};

/** Environment variable names that only ever hold long-lived cloud credentials. */
export const STATIC_CLOUD_KEY_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_CREDENTIALS',
  'ARM_CLIENT_SECRET',
  'ARM_ACCESS_KEY',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_CREDENTIALS',
  'GCP_SA_KEY',
  'GCLOUD_SERVICE_KEY',
];

/** A secret or variable reference whose name says it holds a static cloud key. */
export const STATIC_KEY_NAME =
  /\b(?:AWS_(?:ACCESS_KEY(?:_ID)?|SECRET(?:_ACCESS_KEY)?)|AZURE_(?:CREDENTIALS|CLIENT_SECRET)|ARM_CLIENT_SECRET|GCP_(?:SA_)?KEY|GCLOUD_SERVICE_KEY|GOOGLE_(?:APPLICATION_)?CREDENTIALS|[A-Z_]*SERVICE_ACCOUNT_KEY)\b/;

/** Shell commands that sign in to a cloud with a static secret. */
export const STATIC_KEY_COMMANDS: Array<{ pattern: RegExp; what: string }> = [
  {
    pattern: /aws\s+configure\s+set\s+aws_(?:secret_access_key|access_key_id)/,
    what: 'aws configure set with an access key',
  },
  {
    pattern: /az\s+login\b[^\n]*\s(?:-p|--password)[\s=]/,
    what: 'az login with a client secret',
  },
  {
    pattern: /gcloud\s+auth\s+activate-service-account\b[^\n]*--key-file/,
    what: 'gcloud auth activate-service-account with a key file',
  },
];
