import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ArtifactStore, resolveUploadPaths } from './artifacts';

const execFileAsync = promisify(execFile);

/** What an emulated action is given. */
export interface ActionContext {
  /** `owner/repo[/path]`, lower case, without the ref. */
  action: string;
  ref: string;
  /** The step's `with`, evaluated. */
  inputs: Record<string, string>;
  /** The job's workspace (GITHUB_WORKSPACE). */
  workspace: string;
  /** The environment the step would run with. */
  env: Record<string, string>;
  job: string;
  attempt: number;
  artifacts: ArtifactStore;
  /** The pushed repository and commit `actions/checkout` fetches. */
  repository: { dir: string; sha: string };
  /** Runs a command in the workspace with the step's environment (so stubs record it). */
  exec(
    command: string,
    args: string[],
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  log(line: string): void;
}

/** What an emulated action leaves behind: step outputs, job environment, PATH entries. */
export interface ActionResult {
  outputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** An action's emulation; throwing fails the step with the message. */
export type ActionEmulation = (
  context: ActionContext,
) => Promise<ActionResult | void>;

const input = (ctx: ActionContext, name: string, fallback = '') =>
  ctx.inputs[name] !== undefined && ctx.inputs[name] !== ''
    ? ctx.inputs[name]
    : fallback;

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : value === 'true';

/** The job's OIDC token for `audience`, fetched as the cloud login actions do. */
async function idToken(ctx: ActionContext, audience: string): Promise<string> {
  const url = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const token = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !token) {
    throw new Error(
      `${ctx.action}: unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable; the job needs "permissions: id-token: write" for OIDC`,
    );
  }
  const response = await fetch(
    `${url}&audience=${encodeURIComponent(audience)}`,
    {
      headers: { authorization: `bearer ${token}` },
    },
  );
  if (!response.ok) {
    throw new Error(
      `${ctx.action}: the ID token request answered ${response.status}`,
    );
  }
  const { value } = (await response.json()) as { value: string };
  return value;
}

/** A CycloneDX 1.6 SBOM of a Node project's locked dependencies, as syft reads package-lock.json. */
function sbomOf(dir: string, generator: string) {
  const lockFile = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockFile)) {
    throw new Error(`${generator}: ${dir} has no package-lock.json to catalog`);
  }
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  const components = Object.entries(
    (lock.packages ?? {}) as Record<string, { name?: string; version: string }>,
  )
    .filter(([key]) => key)
    .map(([key, pkg]) => {
      const name =
        pkg.name ??
        key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const purl = `pkg:npm/${name.replace('@', '%40')}@${pkg.version}`;
      return {
        'bom-ref': purl,
        type: 'library',
        name,
        version: pkg.version,
        purl,
      };
    });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: generator }] },
      component: { type: 'application', name: lock.name ?? 'service' },
    },
    components,
  };
}

function recordOnly(note?: string): ActionEmulation {
  return async ctx => {
    if (note) ctx.log(`${ctx.action}: ${note}`);
  };
}

/**
 * The actions the golden pipelines use, emulated: keyed by `owner/repo[/path]` (the pinned ref
 * is ignored). Checkout clones the pushed commit; setup-node checks its version file and
 * lockfile and keeps Node 22 of PATH; artifacts go to the run's store with upload-artifact v4's
 * rules; the cloud logins fetch the job's OIDC token (failing without `id-token: write`, as they
 * do); build-push answers a deterministic digest; trivy-action runs the trivy stub; CodeQL and
 * the SBOM action write what they would (they cannot run here). Any other action fails the step.
 */
export const ACTIONS: Record<string, ActionEmulation> = {
  'actions/checkout': async ctx => {
    const target = path.resolve(ctx.workspace, input(ctx, 'path', '.'));
    fs.mkdirSync(target, { recursive: true });
    if (fs.readdirSync(target).length > 0) {
      throw new Error(`actions/checkout: ${target} is not empty`);
    }
    await execFileAsync('git', [
      'clone',
      '--quiet',
      '--no-checkout',
      ctx.repository.dir,
      target,
    ]);
    await execFileAsync('git', [
      '-C',
      target,
      'checkout',
      '--quiet',
      '--detach',
      input(ctx, 'ref', ctx.repository.sha),
    ]);
    if (!bool(ctx.inputs['persist-credentials'], true)) {
      await execFileAsync('git', ['-C', target, 'remote', 'remove', 'origin']);
    }
  },

  'actions/setup-node': async ctx => {
    const versionFile = input(ctx, 'node-version-file');
    const wanted = input(ctx, 'node-version');
    let requested = wanted;
    if (versionFile) {
      const file = path.join(ctx.workspace, versionFile);
      if (!fs.existsSync(file)) {
        throw new Error(
          `actions/setup-node: The specified node version file at: ${file} does not exist`,
        );
      }
      requested = fs.readFileSync(file, 'utf8').trim();
    }
    const major = process.versions.node.split('.')[0];
    if (requested && !requested.replace(/^v/, '').startsWith(major)) {
      throw new Error(
        `actions/setup-node: the pipeline asks for Node ${requested}; this runner has Node ${process.versions.node}`,
      );
    }
    if (input(ctx, 'cache') === 'npm') {
      const lock = input(ctx, 'cache-dependency-path');
      const candidates = lock
        ? [lock]
        : ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock'];
      if (!candidates.some(f => fs.existsSync(path.join(ctx.workspace, f)))) {
        throw new Error(
          `actions/setup-node: Dependencies lock file is not found in ${ctx.workspace}. Supported file patterns: package-lock.json,npm-shrinkwrap.json,yarn.lock`,
        );
      }
    }
    return {
      outputs: { 'node-version': process.version, 'cache-hit': 'true' },
    };
  },

  'actions/upload-artifact': async ctx => {
    const name = input(ctx, 'name', 'artifact');
    const { root, files } = resolveUploadPaths(
      ctx.workspace,
      input(ctx, 'path'),
      bool(ctx.inputs['include-hidden-files'], false),
    );
    if (files.length === 0) {
      const policy = input(ctx, 'if-no-files-found', 'warn');
      const message = `No files were found with the provided path: ${input(
        ctx,
        'path',
      )}. No artifacts will be uploaded.`;
      if (policy === 'error') throw new Error(message);
      if (policy === 'warn') ctx.log(`Warning: ${message}`);
      return undefined;
    }
    ctx.artifacts.upload(
      name,
      ctx.attempt,
      root,
      files,
      bool(ctx.inputs.overwrite, false),
    );
    ctx.log(`Uploaded artifact ${name}: ${files.length} files`);
    return { outputs: { 'artifact-id': name } };
  },

  'actions/download-artifact': async ctx => {
    const destination = path.resolve(
      ctx.workspace,
      input(ctx, 'path', ctx.workspace),
    );
    const name = input(ctx, 'name');
    if (name) {
      ctx.artifacts.download(name, ctx.attempt, destination);
    } else {
      const merge = bool(ctx.inputs['merge-multiple'], false);
      for (const n of ctx.artifacts.names(ctx.attempt)) {
        ctx.artifacts.download(
          n,
          ctx.attempt,
          merge ? destination : path.join(destination, n),
        );
      }
    }
    return { outputs: { 'download-path': destination } };
  },

  'docker/setup-buildx-action': recordOnly(),
  'docker/login-action': async ctx => {
    if (!input(ctx, 'username') || !input(ctx, 'password')) {
      throw new Error('docker/login-action: Username and password required');
    }
  },
  'docker/build-push-action': async ctx => {
    const context = path.resolve(ctx.workspace, input(ctx, 'context', '.'));
    const dockerfile = path.resolve(
      ctx.workspace,
      input(ctx, 'file', path.join(context, 'Dockerfile')),
    );
    if (!fs.existsSync(dockerfile)) {
      throw new Error(
        `docker/build-push-action: failed to read dockerfile: open ${dockerfile}: no such file or directory`,
      );
    }
    const tags = input(ctx, 'tags')
      .split(/[\n,]/)
      .map(t => t.trim())
      .filter(Boolean);
    const digest = `sha256:${createHash('sha256')
      .update(`${tags.join(',')}\n${ctx.repository.sha}`)
      .digest('hex')}`;
    return {
      outputs: {
        digest,
        imageid: digest,
        metadata: JSON.stringify({
          'containerimage.digest': digest,
          'image.name': tags.join(','),
        }),
      },
    };
  },

  'aws-actions/configure-aws-credentials': async ctx => {
    if (!input(ctx, 'role-to-assume') || !input(ctx, 'aws-region')) {
      throw new Error(
        'aws-actions/configure-aws-credentials: Input required and not supplied: role-to-assume and aws-region',
      );
    }
    if (!input(ctx, 'aws-access-key-id')) {
      await idToken(ctx, input(ctx, 'audience', 'sts.amazonaws.com'));
    }
    return {
      outputs: { 'aws-account-id': '123456789012' },
      env: {
        AWS_REGION: input(ctx, 'aws-region'),
        AWS_DEFAULT_REGION: input(ctx, 'aws-region'),
        AWS_ACCESS_KEY_ID: 'ASIAGOLDENPATH',
        AWS_SECRET_ACCESS_KEY: 'golden-path',
        AWS_SESSION_TOKEN: 'golden-path',
      },
    };
  },
  'azure/login': async ctx => {
    for (const name of ['client-id', 'tenant-id']) {
      if (!input(ctx, name) && !input(ctx, 'creds')) {
        throw new Error(`azure/login: ${name} is required for OIDC login`);
      }
    }
    if (!input(ctx, 'creds')) {
      await idToken(ctx, input(ctx, 'audience', 'api://AzureADTokenExchange'));
    }
  },
  'google-github-actions/auth': async ctx => {
    const provider = input(ctx, 'workload_identity_provider');
    if (!provider && !input(ctx, 'credentials_json')) {
      throw new Error(
        'google-github-actions/auth: one of workload_identity_provider or credentials_json is required',
      );
    }
    if (provider) {
      await idToken(
        ctx,
        input(ctx, 'audience', `https://iam.googleapis.com/${provider}`),
      );
    }
    // As the action does: a credentials file in the workspace, named by the environment.
    const file = path.join(
      ctx.workspace,
      `gha-creds-${createHash('sha256')
        .update(provider)
        .digest('hex')
        .slice(0, 16)}.json`,
    );
    fs.writeFileSync(
      file,
      JSON.stringify({ type: 'external_account', audience: provider }),
    );
    return {
      outputs: { credentials_file_path: file, auth_token: 'ya29.golden-path' },
      env: {
        GOOGLE_APPLICATION_CREDENTIALS: file,
        CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file,
        CLOUDSDK_PROJECT: input(ctx, 'project_id'),
      },
    };
  },

  'hashicorp/setup-terraform': recordOnly(
    'terraform is the recording stub on PATH',
  ),
  'sigstore/cosign-installer': recordOnly(
    'cosign is the recording stub on PATH',
  ),
  'aquasecurity/setup-trivy': recordOnly('trivy is the recording stub on PATH'),
  'aquasecurity/trivy-action': async ctx => {
    const scanType = input(ctx, 'scan-type', 'image');
    const args = [scanType];
    if (input(ctx, 'scanners')) args.push('--scanners', input(ctx, 'scanners'));
    if (input(ctx, 'severity')) args.push('--severity', input(ctx, 'severity'));
    if (input(ctx, 'format')) args.push('--format', input(ctx, 'format'));
    if (input(ctx, 'output')) args.push('--output', input(ctx, 'output'));
    if (input(ctx, 'exit-code')) {
      args.push('--exit-code', input(ctx, 'exit-code'));
    }
    args.push(
      scanType === 'image'
        ? input(ctx, 'image-ref')
        : input(ctx, 'scan-ref', '.'),
    );
    const result = await ctx.exec('trivy', args);
    ctx.log(result.stdout + result.stderr);
    if (result.code !== 0) {
      throw new Error(
        `aquasecurity/trivy-action: trivy exited with ${result.code}: ${result.stderr}`,
      );
    }
  },
  'anchore/sbom-action': async ctx => {
    const output = input(ctx, 'output-file');
    const format = input(ctx, 'format', 'spdx-json');
    if (format !== 'cyclonedx-json') {
      throw new Error(
        `anchore/sbom-action: the golden-path emulation writes cyclonedx-json, not ${format}`,
      );
    }
    const sbom = sbomOf(
      path.resolve(ctx.workspace, input(ctx, 'path', '.')),
      'syft',
    );
    if (output) {
      const file = path.resolve(ctx.workspace, output);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(sbom, null, 2));
    }
  },
  'github/codeql-action/init': recordOnly(
    'CodeQL cannot run here; recorded only',
  ),
  'github/codeql-action/analyze': async ctx => {
    // CodeQL writes one SARIF file per language into `output`.
    const output = input(ctx, 'output');
    if (output) {
      const dir = path.resolve(ctx.workspace, output);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'javascript.sarif'),
        JSON.stringify({
          version: '2.1.0',
          $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
          runs: [
            {
              tool: {
                driver: {
                  name: 'CodeQL',
                  semanticVersion: '2.21.3',
                  rules: [],
                },
              },
              results: [],
            },
          ],
        }),
      );
    }
    return { outputs: { 'sarif-output': output } };
  },
  'github/codeql-action/upload-sarif': recordOnly(
    'SARIF upload to code scanning: recorded only',
  ),
};

/** `owner/repo[/path]@ref` → the emulation key and the ref. */
export function parseUses(uses: string): { action: string; ref: string } {
  const at = uses.lastIndexOf('@');
  if (uses.startsWith('./') || uses.startsWith('docker://') || at < 0) {
    throw new Error(
      `golden-path runner: ${uses} is a local or Docker action, which this runner does not emulate`,
    );
  }
  return { action: uses.slice(0, at).toLowerCase(), ref: uses.slice(at + 1) };
}
