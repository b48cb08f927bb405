import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ActionEmulation, bool, input, recordOnly } from './actionContext';
import { resolveUploadPaths } from './artifacts';
import { CLOUD_LOGIN_ACTIONS } from './cloudLogins';
import { SUPPLY_CHAIN_ACTIONS } from './supplyChainActions';

const execFileAsync = promisify(execFile);

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
  'hashicorp/setup-terraform': recordOnly(
    'terraform is the recording stub on PATH',
  ),

  ...CLOUD_LOGIN_ACTIONS,
  ...SUPPLY_CHAIN_ACTIONS,
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
