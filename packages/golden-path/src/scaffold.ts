import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { walk } from './github/artifacts';
import { REPO_ROOT } from './portal';

const execFileAsync = promisify(execFile);

/** The templates directory of the repository. */
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');

/** A user token from the dev config's guest sign-in, as the portal's frontend gets one. */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `Guest sign-in answered ${response.status}: ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/** A scaffolded repository's files: path → content. */
export type Files = Record<string, { content: Buffer; executable: boolean }>;

/**
 * Dry-runs a template of templates/ through a running backend's real scaffolder
 * (`POST /api/scaffolder/v2/dry-run`, as the template editor does): the template entity, its
 * directory's files and the form's values. Fails naming every failed step and its log.
 */
export async function dryRunTemplate(options: {
  baseUrl: string;
  userToken: string;
  template: string;
  values: Record<string, unknown>;
}): Promise<{ files: Files; durationMs: number }> {
  const dir = path.join(TEMPLATES_DIR, options.template);
  const template = parse(
    fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'),
  );
  const directoryContents = walk(dir).map(file => ({
    path: file,
    base64Content: fs.readFileSync(path.join(dir, file)).toString('base64'),
  }));
  const started = Date.now();
  const response = await fetch(`${options.baseUrl}/api/scaffolder/v2/dry-run`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.userToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      template,
      values: options.values,
      directoryContents,
    }),
  });
  const durationMs = Date.now() - started;
  const body = (await response.json()) as {
    log?: Array<{
      body: { message: string; status?: string; stepId?: string };
    }>;
    directoryContents?: Array<{
      path: string;
      base64Content: string;
      executable?: boolean;
    }>;
    error?: { message: string };
  };
  if (!response.ok) {
    throw new Error(
      `The dry run of ${options.template} answered ${
        response.status
      }: ${JSON.stringify(body)}`,
    );
  }
  const failed = (body.log ?? []).filter(l => l.body.status === 'failed');
  if (failed.length > 0) {
    throw new Error(
      `The dry run of ${options.template} failed:\n${(body.log ?? [])
        .map(l => `${l.body.stepId ?? ''} ${l.body.message}`)
        .join('\n')}`,
    );
  }
  const files: Files = {};
  for (const f of body.directoryContents ?? []) {
    files[f.path] = {
      content: Buffer.from(f.base64Content, 'base64'),
      executable: Boolean(f.executable),
    };
  }
  return { files, durationMs };
}

/** Runs git in `dir` with a fixed identity. */
export async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Golden Path',
      GIT_AUTHOR_EMAIL: 'golden-path@example.com',
      GIT_COMMITTER_NAME: 'Golden Path',
      GIT_COMMITTER_EMAIL: 'golden-path@example.com',
    },
  });
  return stdout.trim();
}

/**
 * Writes the scaffolded files into `dir` as a new git repository on `main` with one commit, as
 * a developer pushing the result would; answers the commit.
 */
export async function commitRepository(
  dir: string,
  files: Files,
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, { content, executable }] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    if (executable) fs.chmodSync(full, 0o755);
  }
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '--message', 'Scaffolded by Waybill');
  return git(dir, 'rev-parse', 'HEAD');
}
