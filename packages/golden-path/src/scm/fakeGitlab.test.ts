import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeGitlab, startFakeGitlab } from './fakeGitlab';
import { GitHttpBackend, startGitHttpBackend } from './gitHttpBackend';

const TOKEN = 'fake-gitlab-token';
const execFileAsync = promisify(execFile);
/** git, never prompting for credentials the remote refuses. */
const run = (file: string, args: string[], options: { cwd?: string } = {}) =>
  execFileAsync(file, args, {
    ...options,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });

/**
 * Commits `files` and pushes them to `branch` of `remote` (asynchronously: the remote is
 * served from this process).
 */
async function push(
  dir: string,
  remote: string,
  branch: string,
  files: Record<string, string>,
) {
  fs.mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => run('git', args, { cwd: dir });
  await git('init', '--quiet', `--initial-branch=${branch}`);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  await git('add', '.');
  await git(
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.com',
    'commit',
    '--quiet',
    '-m',
    'initial commit',
  );
  await git('push', '--quiet', remote, `HEAD:refs/heads/${branch}`);
}

describe('startFakeGitlab', () => {
  let gitlab: FakeGitlab;
  let git: GitHttpBackend;
  let workDir: string;

  const api = (
    method: string,
    apiPath: string,
    body?: unknown,
    headers: Record<string, string> = { 'PRIVATE-TOKEN': TOKEN },
  ) =>
    fetch(`${gitlab.apiBaseUrl}${apiPath}`, {
      method,
      headers: {
        ...headers,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-gitlab-'));
    git = await startGitHttpBackend(path.join(workDir, 'git'));
    gitlab = await startFakeGitlab({
      token: TOKEN,
      git,
      groups: {
        erp: { id: 7, visibility: 'internal' },
        'erp/pricing': { name: 'Pricing' },
      },
      htmlBaseUrl: 'https://gitlab.example.com',
    });
  });

  afterAll(async () => {
    await gitlab?.close();
    await git?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('answers 401 without the token, by either header, and records the request', async () => {
    const before = gitlab.requests.length;
    expect((await api('GET', '/user', undefined, {})).status).toBe(401);
    expect(
      (await api('GET', '/user', undefined, { 'PRIVATE-TOKEN': 'wrong' }))
        .status,
    ).toBe(401);
    const bearer = await api('GET', '/user', undefined, {
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.json()).toMatchObject({
      id: 1,
      username: 'waybill-bot',
    });
    expect(gitlab.requests.slice(before).map(r => r.path)).toEqual([
      '/user',
      '/user',
      '/user',
    ]);
  });

  it('answers 404 for what it does not implement', async () => {
    const res = await api('GET', '/projects');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: '404 Not Found' });
    expect((await api('DELETE', '/user')).status).toBe(404);
  });

  it('looks namespaces up by full path or id, groups and the user', async () => {
    const sub = await api(
      'GET',
      `/namespaces/${encodeURIComponent('erp/pricing')}`,
    );
    expect(await sub.json()).toMatchObject({
      name: 'Pricing',
      kind: 'group',
      full_path: 'erp/pricing',
      parent_id: 7,
      web_url: 'https://gitlab.example.com/groups/erp/pricing',
    });
    expect(await (await api('GET', '/namespaces/7')).json()).toMatchObject({
      full_path: 'erp',
    });
    expect(
      await (await api('GET', '/namespaces/waybill-bot')).json(),
    ).toMatchObject({ kind: 'user', full_path: 'waybill-bot' });
    const missing = await api('GET', '/namespaces/nobody');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      message: '404 Namespace Not Found',
    });
  });

  it('creates projects as GitLab does, refusing a taken path, an unknown namespace or a visibility above the group', async () => {
    const created = await api('POST', '/projects', {
      namespace_id: 7,
      name: 'quotes-api',
      visibility: 'internal',
    });
    expect(created.status).toBe(201);
    const project = await created.json();
    expect(project).toMatchObject({
      name: 'quotes-api',
      path: 'quotes-api',
      path_with_namespace: 'erp/quotes-api',
      visibility: 'internal',
      default_branch: 'main',
      empty_repo: true,
      http_url_to_repo: `${gitlab.baseUrl}/erp/quotes-api.git`,
      web_url: 'https://gitlab.example.com/erp/quotes-api',
      namespace: { id: 7, kind: 'group' },
    });
    expect(fs.existsSync(path.join(git.root, 'erp/quotes-api.git'))).toBe(true);

    const taken = await api('POST', '/projects', {
      namespace_id: 7,
      name: 'quotes-api',
    });
    expect(taken.status).toBe(400);
    expect((await taken.json()).message.path).toEqual([
      'has already been taken',
    ]);
    const tooVisible = await api('POST', '/projects', {
      namespace_id: 7,
      name: 'open-api',
      visibility: 'public',
    });
    expect(tooVisible.status).toBe(400);
    expect((await tooVisible.json()).message.visibility_level).toEqual([
      'public is not allowed in a internal group.',
    ]);
    expect(
      (await api('POST', '/projects', { namespace_id: 999, name: 'x-api' }))
        .status,
    ).toBe(404);
    expect((await api('POST', '/projects', {})).status).toBe(400);

    // Without a namespace, in the user's own; found by id and by path.
    const own = await (
      await api('POST', '/projects', { name: 'scratch', path: 'scratch' })
    ).json();
    expect(own.path_with_namespace).toBe('waybill-bot/scratch');
    expect(own.owner).toMatchObject({ username: 'waybill-bot' });
    expect((await (await api('GET', `/projects/${own.id}`)).json()).path).toBe(
      'scratch',
    );
    expect(
      (await api('GET', `/projects/${encodeURIComponent('erp/nothing')}`))
        .status,
    ).toBe(404);
  });

  it("lists a namespace's projects with search, paginated with GitLab's headers", async () => {
    for (const name of ['a-web', 'b-web', 'c-web']) {
      await api('POST', '/projects', { namespace_id: 'erp/pricing', name });
    }
    const first = await api(
      'GET',
      `/groups/${encodeURIComponent(
        'erp/pricing',
      )}/projects?search=WEB&per_page=2`,
    );
    expect(first.headers.get('x-total')).toBe('3');
    expect(first.headers.get('x-next-page')).toBe('2');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link')!)![1];
    expect((await first.json()).length).toBe(2);
    const second = await fetch(next, { headers: { 'PRIVATE-TOKEN': TOKEN } });
    expect(second.headers.get('x-next-page')).toBe('');
    expect((await second.json()).length).toBe(1);
    const none = await api('GET', '/groups/erp/projects?search=web');
    expect(await none.json()).toEqual([]);
    const mine = await api('GET', '/users/waybill-bot/projects?search=scr');
    expect((await mine.json()).map((p: { path: string }) => p.path)).toEqual([
      'scratch',
    ]);
  });

  it('takes pushes with the token only, serves what was pushed, and makes the first pushed branch the default', async () => {
    await api('POST', '/projects', { namespace_id: 7, name: 'rates-api' });
    const remote = `${gitlab.baseUrl}/erp/rates-api.git`;
    // A private project: not even a clone without credentials (no prompt for them).
    await expect(run('git', ['ls-remote', remote])).rejects.toThrow();
    await expect(
      push(
        path.join(workDir, 'bad'),
        remote.replace('//', '//oauth2:wrong@'),
        'trunk',
        {
          'a.txt': 'a',
        },
      ),
    ).rejects.toThrow();
    await push(
      path.join(workDir, 'good'),
      remote.replace('//', `//oauth2:${TOKEN}@`),
      'trunk',
      { 'catalog-info.yaml': 'kind: Component\n', 'src/index.ts': 'x\n' },
    );

    const project = encodeURIComponent('erp/rates-api');
    expect(
      await (await api('GET', `/projects/${project}`)).json(),
    ).toMatchObject({ default_branch: 'trunk', empty_repo: false });
    const raw = await api(
      'GET',
      `/projects/${project}/repository/files/${encodeURIComponent(
        'src/index.ts',
      )}/raw?ref=trunk`,
    );
    expect(raw.status).toBe(200);
    expect(await raw.text()).toBe('x\n');
    expect(raw.headers.get('x-gitlab-file-path')).toBe('src/index.ts');
    // Without a ref, at the default branch; with the ETag, not modified.
    const again = await api(
      'GET',
      `/projects/${project}/repository/files/catalog-info.yaml/raw`,
    );
    expect(await again.text()).toBe('kind: Component\n');
    const etag = again.headers.get('etag')!;
    const notModified = await fetch(
      `${gitlab.apiBaseUrl}/projects/${project}/repository/files/catalog-info.yaml/raw`,
      { headers: { 'PRIVATE-TOKEN': TOKEN, 'If-None-Match': etag } },
    );
    expect(notModified.status).toBe(304);
    for (const missing of [
      'catalog-info.yaml/raw?ref=main',
      'nothing.yaml/raw?ref=trunk',
      'src/raw?ref=trunk',
    ]) {
      const res = await api(
        'GET',
        `/projects/${project}/repository/files/${missing}`,
      );
      expect(res.status).toBe(404);
    }
  });
});
