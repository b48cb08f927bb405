import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeGitlab, startFakeGitlab } from './fakeGitlab';
import { GitHttpBackend, startGitHttpBackend } from './gitHttpBackend';

const TOKEN = 'fake-gitlab-token';
const APPROVER_TOKEN = 'fake-gitlab-approver-token';
const APPROVER = { id: 77, username: 'waybill-approver', name: 'Waybill' };
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
      users: [{ ...APPROVER, token: APPROVER_TOKEN }],
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

  describe('members, environments and protected environments', () => {
    const project = encodeURIComponent('erp/gate-api');
    const asApprover = { 'PRIVATE-TOKEN': APPROVER_TOKEN };
    const json = async (res: Response) => ({
      status: res.status,
      body: await res.json(),
    });

    beforeAll(async () => {
      const created = await api('POST', '/projects', {
        namespace_id: 7,
        name: 'gate-api',
      });
      if (created.status !== 201) {
        throw new Error(`POST /projects answered ${created.status}`);
      }
    });

    it("answers GET /user with the token's own user", async () => {
      expect(
        await json(await api('GET', '/user', undefined, asApprover)),
      ).toEqual({
        status: 200,
        body: expect.objectContaining({
          id: 77,
          username: 'waybill-approver',
          name: 'Waybill',
        }),
      });
      expect(await (await api('GET', '/user')).json()).toMatchObject({
        id: 1,
      });
    });

    it('makes the creator a Maintainer of a group project, adds a member once, and hides a private project from non-members', async () => {
      expect(gitlab.members('erp/gate-api')).toEqual([
        {
          id: 1,
          username: 'waybill-bot',
          name: 'Waybill Bot',
          accessLevel: 40,
        },
      ]);
      expect(gitlab.members('erp/nothing')).toBeUndefined();
      expect(
        await json(await api('GET', `/projects/${project}/members/all/1`)),
      ).toEqual({
        status: 200,
        body: expect.objectContaining({
          username: 'waybill-bot',
          access_level: 40,
        }),
      });
      expect(
        await json(await api('GET', `/projects/${project}/members/all/77`)),
      ).toEqual({ status: 404, body: { message: '404 Not found' } });
      // Not a member yet: the private project is not there for the approver.
      expect(
        await json(
          await api('GET', `/projects/${project}`, undefined, asApprover),
        ),
      ).toEqual({ status: 404, body: { message: '404 Project Not Found' } });

      expect(
        await json(
          await api('POST', `/projects/${project}/members`, {
            user_id: 77,
            access_level: 30,
          }),
        ),
      ).toEqual({
        status: 201,
        body: expect.objectContaining({ id: 77, access_level: 30 }),
      });
      expect(
        await json(
          await api('POST', `/projects/${project}/members`, {
            user_id: 77,
            access_level: 40,
          }),
        ),
      ).toEqual({ status: 409, body: { message: 'Member already exists' } });
      expect(
        await json(
          await api('POST', `/projects/${project}/members`, {
            user_id: 999,
            access_level: 30,
          }),
        ),
      ).toEqual({ status: 404, body: { message: '404 User Not Found' } });
      expect(
        (await api('POST', `/projects/${project}/members`, { user_id: 77 }))
          .status,
      ).toBe(400);
      expect(gitlab.members('erp/gate-api')).toEqual([
        expect.objectContaining({ id: 1, accessLevel: 40 }),
        {
          id: 77,
          username: 'waybill-approver',
          name: 'Waybill',
          accessLevel: 30,
        },
      ]);

      // A Developer now: it sees the project and its environments, but neither manages members
      // nor protected environments.
      expect(
        (await api('GET', `/projects/${project}`, undefined, asApprover))
          .status,
      ).toBe(200);
      expect(
        (
          await api(
            'GET',
            `/projects/${project}/environments`,
            undefined,
            asApprover,
          )
        ).status,
      ).toBe(200);
      for (const [method, route, body] of [
        ['GET', `/projects/${project}/protected_environments`, undefined],
        [
          'POST',
          `/projects/${project}/members`,
          { user_id: 77, access_level: 30 },
        ],
      ] as const) {
        expect(await json(await api(method, route, body, asApprover))).toEqual({
          status: 403,
          body: { message: '403 Forbidden' },
        });
      }
      // Nothing but GET /user and its projects is implemented for another user.
      expect(
        (await api('GET', '/namespaces/erp', undefined, asApprover)).status,
      ).toBe(404);
    });

    it('creates environments by name, with a tier given or guessed, refusing a taken or bad name', async () => {
      const named = (name: string) =>
        api(
          'GET',
          `/projects/${project}/environments?name=${encodeURIComponent(name)}`,
        );
      expect(await json(await named('staging'))).toEqual({
        status: 200,
        body: [],
      });
      const staging = await json(
        await api('POST', `/projects/${project}/environments`, {
          name: 'staging',
          tier: 'staging',
        }),
      );
      expect(staging).toEqual({
        status: 201,
        body: expect.objectContaining({
          name: 'staging',
          slug: 'staging',
          tier: 'staging',
          state: 'available',
        }),
      });
      expect(
        await json(
          await api('POST', `/projects/${project}/environments`, {
            name: 'staging',
          }),
        ),
      ).toEqual({
        status: 400,
        body: { message: { name: ['has already been taken'] } },
      });
      expect(
        (
          await api('POST', `/projects/${project}/environments`, {
            name: 'production',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await api('POST', `/projects/${project}/environments`, {
            name: 'qa',
            tier: 'qa',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await api('POST', `/projects/${project}/environments`, {
            name: '/review',
          })
        ).status,
      ).toBe(400);
      expect(await json(await named('staging'))).toEqual({
        status: 200,
        body: [staging.body],
      });
      expect(
        gitlab.environments('erp/gate-api')?.map(e => [e.name, e.tier]),
      ).toEqual([
        ['staging', 'staging'],
        ['production', 'production'],
      ]);
    });

    it('protects an environment once, adds rules with PUT keeping the others, and removes one with _destroy', async () => {
      const route = `/projects/${project}/protected_environments`;
      expect(await json(await api('GET', `${route}/staging`))).toEqual({
        status: 404,
        body: { message: '404 Not found' },
      });
      expect(gitlab.protectedEnvironment('erp/gate-api', 'staging')).toBe(
        undefined,
      );
      expect(
        (await api('POST', route, { name: 'staging', approval_rules: [] }))
          .status,
      ).toBe(400);
      const protect = {
        name: 'staging',
        deploy_access_levels: [{ access_level: 40 }],
        approval_rules: [{ user_id: 77, required_approvals: 1 }],
      };
      const created = await json(await api('POST', route, protect));
      expect(created).toEqual({
        status: 201,
        body: {
          name: 'staging',
          deploy_access_levels: [
            {
              id: expect.any(Number),
              access_level: 40,
              access_level_description: 'Maintainers',
              user_id: null,
              group_id: null,
              group_inheritance_type: 0,
            },
          ],
          required_approval_count: 0,
          approval_rules: [
            {
              id: expect.any(Number),
              access_level: null,
              access_level_description: 'Waybill',
              user_id: 77,
              group_id: null,
              group_inheritance_type: 0,
              required_approvals: 1,
            },
          ],
        },
      });
      expect(await json(await api('POST', route, protect))).toEqual({
        status: 409,
        body: { message: "Environment 'staging' is already protected" },
      });
      expect(await json(await api('GET', `${route}/staging`))).toEqual({
        status: 200,
        body: created.body,
      });

      // PUT: a rule without an id is added, the others stay.
      const updated = await json(
        await api('PUT', `${route}/staging`, {
          approval_rules: [{ group_id: 7, required_approvals: 2 }],
        }),
      );
      expect(updated.status).toBe(200);
      const rules = gitlab.protectedEnvironment(
        'erp/gate-api',
        'staging',
      )!.approvalRules;
      expect(rules).toEqual([
        expect.objectContaining({ userId: 77, requiredApprovals: 1 }),
        expect.objectContaining({ groupId: 7, requiredApprovals: 2 }),
      ]);
      expect(new Set(rules.map(r => r.id)).size).toBe(2);
      expect(updated.body.approval_rules).toHaveLength(2);
      expect(
        gitlab.protectedEnvironment('erp/gate-api', 'staging')!
          .deployAccessLevels,
      ).toEqual([expect.objectContaining({ accessLevel: 40 })]);

      // With its id and _destroy, a rule goes.
      await api('PUT', `${route}/staging`, {
        approval_rules: [{ id: rules[1].id, _destroy: true }],
      });
      expect(
        gitlab
          .protectedEnvironment('erp/gate-api', 'staging')!
          .approvalRules.map(r => r.userId),
      ).toEqual([77]);
      expect(
        (
          await api('PUT', `${route}/staging`, {
            approval_rules: [{ user_id: 77, required_approvals: 6 }],
          })
        ).status,
      ).toBe(422);
      expect(
        await json(
          await api('PUT', `${route}/production`, {
            approval_rules: [{ user_id: 77 }],
          }),
        ),
      ).toEqual({ status: 404, body: { message: '404 Not found' } });

      // A name with a slash, URL-encoded as one segment.
      await api('POST', route, {
        name: 'review/main',
        deploy_access_levels: [{ access_level: 30 }],
      });
      expect(
        (await api('GET', `${route}/${encodeURIComponent('review/main')}`))
          .status,
      ).toBe(200);
      expect(
        (await (await api('GET', route)).json()).map(
          (p: { name: string }) => p.name,
        ),
      ).toEqual(['review/main', 'staging']);
      expect((await api('DELETE', `${route}/staging`)).status).toBe(404);
    });
  });
});
