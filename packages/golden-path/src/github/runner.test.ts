import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { OidcIssuer } from '../oidcIssuer';
import { commitRepository } from '../scaffold';
import { Stubs } from '../stubs/stubs';
import { parseFileCommands } from './fileCommands';
import { expandMatrix } from './matrix';
import { GithubRun } from './runner';
import { loadWorkflow } from './workflow';

const WORKFLOW = `
name: Runner check
on: { push: { branches: [main] } }
permissions: {}
env:
  WORKFLOW_LEVEL: from-workflow
jobs:
  first:
    runs-on: ubuntu-24.04
    permissions: { contents: read }
    outputs:
      greeting: \${{ steps.hello.outputs.greeting }}
      clouds: \${{ steps.hello.outputs.clouds }}
    env:
      JOB_LEVEL: \${{ vars.SOME_VAR }}-job
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - id: hello
        name: Say hello to \${{ github.repository }}
        env:
          STEP_LEVEL: step
        run: |
          test -f hello.txt
          echo "greeting=hello $WORKFLOW_LEVEL $JOB_LEVEL $STEP_LEVEL" >> "$GITHUB_OUTPUT"
          echo 'clouds=["aws","gcp"]' >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=later" >> "$GITHUB_ENV"
          mkdir -p reports/junit && echo '<testsuite/>' > reports/junit/a.xml && echo x > reports/b.txt
      - run: test "$FROM_ENV_FILE" = later && test -z "\${ACTIONS_ID_TOKEN_REQUEST_URL:-}"
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
        with:
          name: reports
          path: |
            reports/junit/a.xml
            reports/b.txt
          if-no-files-found: error
      - if: \${{ failure() }}
        run: exit 3
  matrix:
    needs: first
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-24.04
    permissions: { id-token: write, contents: read }
    environment: { name: 'prod-\${{ matrix.cloud }}' }
    strategy:
      matrix:
        cloud: \${{ fromJSON(needs.first.outputs.clouds) }}
    outputs:
      seen: \${{ steps.s.outputs.seen }}
    steps:
      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with: { name: reports, path: reports }
      - id: s
        env:
          GREETING: \${{ needs.first.outputs.greeting }}
        run: |
          test -f reports/junit/a.xml && test -f reports/b.txt
          test "$GREETING" = "hello from-workflow v-job step"
          token=$(curl -fsS -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=waybill" | jq -r .value)
          echo "$token" > "$RUNNER_TEMP/token"
          echo "seen=\${{ matrix.cloud }}" >> "$GITHUB_OUTPUT"
          kubectl --namespace "ns-\${{ matrix.cloud }}" rollout status deployment/app
  skipped:
    needs: matrix
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-24.04
    steps:
      - run: exit 1
  failing:
    needs: first
    runs-on: ubuntu-24.04
    steps:
      - run: echo boom >&2; exit 4
      - run: echo never
  after-failure:
    needs: failing
    runs-on: ubuntu-24.04
    steps:
      - run: echo never
`;

describe('GithubRun', () => {
  let dir: string;
  let issuer: OidcIssuer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-runner-'));
    issuer = await OidcIssuer.start();
  });

  afterAll(async () => {
    await issuer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs jobs in needs order with GitHub contexts, matrix legs, artifacts and OIDC', async () => {
    const repo = path.join(dir, 'repo');
    const sha = await commitRepository(repo, {
      'hello.txt': { content: Buffer.from('hi'), executable: false },
      '.github/workflows/check.yml': {
        content: Buffer.from(WORKFLOW),
        executable: false,
      },
    });
    const workflow = await loadWorkflow(
      '.github/workflows/check.yml',
      WORKFLOW,
    );
    const stubs = Stubs.create(path.join(dir, 'stubs'));
    stubs.configure({ kubectl: { failRolloutStatus: ['ns-gcp'] } });
    const run = await new GithubRun({
      workflow,
      repository: { dir: repo, sha, slug: 'meridian/check' },
      runDir: path.join(dir, 'run'),
      runId: '42',
      vars: { SOME_VAR: 'v' },
      issuer,
      stubs,
    }).run();

    expect(run.job('first').result).toBe('success');
    expect(run.job('first').legs[0].steps.map(s => s.conclusion)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'skipped',
    ]);
    expect(run.job('first').legs[0].steps[1].name).toBe(
      'Say hello to meridian/check',
    );
    const matrix = run.job('matrix');
    expect(
      matrix.legs.map(l => [l.name, l.environment, l.idToken, l.result]),
    ).toEqual([
      ['matrix (aws)', 'prod-aws', true, 'success'],
      ['matrix (gcp)', 'prod-gcp', true, 'failure'],
    ]);
    expect(matrix.result).toBe('failure');
    expect(matrix.legs[1].error).toContain('exceeded its progress deadline');
    const token = fs.readFileSync(
      path.join(dir, 'run/temp/matrix-1-attempt1/token'),
      'utf8',
    );
    expect(decodeJwt(token)).toMatchObject({
      aud: 'waybill',
      sub: 'repo:meridian/check:environment:prod-aws',
      repository: 'meridian/check',
      sha,
    });
    expect(run.job('skipped').result).toBe('skipped');
    expect(run.job('failing').result).toBe('failure');
    expect(run.job('failing').legs[0].steps[1].conclusion).toBe('skipped');
    expect(run.job('failing').legs[0].error).toContain('boom');
    expect(run.job('after-failure').result).toBe('skipped');
    expect(
      stubs
        .calls()
        .map(c => [c.job, c.args.join(' ')])
        .sort(),
    ).toEqual([
      ['matrix', '--namespace ns-aws rollout status deployment/app'],
      ['matrix', '--namespace ns-gcp rollout status deployment/app'],
    ]);
    expect(run.uses.map(u => u.action)).toEqual([
      'actions/checkout',
      'actions/upload-artifact',
      'actions/download-artifact',
      'actions/download-artifact',
    ]);

    // Re-running the failed matrix after a fix keeps the first job's outputs and artifacts.
    stubs.configure({});
    await run.rerun({ jobs: ['matrix'] });
    expect(run.job('matrix').result).toBe('success');
    expect(run.job('matrix').attempt).toBe(2);
    expect(run.job('first').attempt).toBe(1);
    expect(run.job('skipped').result).toBe('skipped');
  }, 60_000);

  it('reads file commands and expands matrices as GitHub does', () => {
    expect(
      parseFileCommands('a=1\nb<<EOF\nline 1\nline 2\nEOF\nc=x=y\n'),
    ).toEqual({ a: '1', b: 'line 1\nline 2', c: 'x=y' });
    expect(
      expandMatrix({
        cloud: ['aws', 'gcp'],
        tier: ['a'],
        exclude: [{ cloud: 'gcp' }],
        include: [{ cloud: 'aws', extra: 1 }, { cloud: 'azure' }],
      }),
    ).toEqual([{ cloud: 'aws', tier: 'a', extra: 1 }, { cloud: 'azure' }]);
  });
});
