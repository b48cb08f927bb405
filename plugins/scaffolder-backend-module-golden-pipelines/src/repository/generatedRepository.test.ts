/*
 * The repository a template generates passes its own checks, for real: each template is
 * rendered by a real scaffolder dry run, the repository tooling (repositoryFiles) is added as
 * waybill:pipeline:generate writes it, and in that directory npm installs from the lockfile and
 * every script the golden pipeline calls runs against the built service, with negative cases
 * for the smoke, business, contract and rollback-drill scripts.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { parsePipelineModel, PipelineModelInput } from '../pipeline/model';
import { repositoryFiles } from './repositoryFiles';
import {
  Server,
  dryRun,
  expectDryRunRendered,
  startDryRunBackend,
} from '../__testUtils__/dryRun';

const MINUTE = 60_000;

/** One configuration per template, chosen to cover every provider, strategy and tenancy. */
const CASES: Record<
  string,
  {
    values: Record<string, unknown>;
    model: PipelineModelInput;
    /** JSON files the service writes itself, as they must render. */
    files: Record<string, unknown>;
  }
> = {
  'api-service': {
    values: {
      name: 'pricing-quotes-api',
      description:
        'Quotes contract prices for trade customers (order-to-cash).',
      owner: 'group:default/digital-channels',
      system: 'customer-channels',
      tier: 'critical',
      businessProcesses: ['domain:default/order-to-cash'],
      clouds: ['aws', 'gcp'],
      ciProvider: 'github-actions',
      deployStrategy: 'canary',
      tenancy: 'shared',
      tenantSegments: ['wholesale', 'retail'],
      consumedApis: [{ api: 'sales-orders-api', range: '^2.4.0' }],
      dependsOn: ['component:default/sales'],
      repoUrl: 'github.com?owner=meridian&repo=pricing-quotes-api',
    },
    model: {
      name: 'pricing-quotes-api',
      serviceKind: 'api-service',
      tier: 'critical',
      clouds: ['aws', 'gcp'],
    },
    files: {},
  },
  'erp-integration-worker': {
    values: {
      name: 'supplier-invoice-sync',
      description: 'Consumes supplier invoices and posts them to purchase.',
      owner: 'group:default/procurement-systems',
      tier: 'standard',
      businessProcesses: [
        'domain:default/procure-to-pay',
        'domain:default/record-to-report',
      ],
      erpApi: 'purchase-orders-api',
      erpApiRange: '>=2.0.0 <3.0.0',
      erpComponent: 'component:default/purchase',
      queue: 'supplier-invoices',
      clouds: ['azure'],
      ciProvider: 'gitlab-ci',
      deployStrategy: 'blue-green',
      tenancy: 'dedicated',
      dedicatedTenants: ['resource:default/kyoto-precision-components'],
      repoUrl: 'gitlab.com?owner=meridian&repo=supplier-invoice-sync',
    },
    model: {
      name: 'supplier-invoice-sync',
      serviceKind: 'queue-worker',
      tier: 'standard',
      clouds: ['azure'],
    },
    files: {
      'test/contract/purchase-orders-api.json': {
        operations: [
          { method: 'post', path: '/tenants/{tenantId}/supplier-invoices' },
        ],
      },
    },
  },
  'customer-web-app': {
    values: {
      name: 'order-tracking-web',
      description: 'Lets trade customers follow their orders and deliveries.',
      owner: 'group:default/order-management',
      tier: 'internal',
      businessProcesses: ['domain:default/order-to-cash'],
      clouds: ['gcp'],
      ciProvider: 'github-actions',
      repoUrl: 'github.com?owner=meridian&repo=order-tracking-web',
      deployStrategy: 'rolling',
      tenancy: 'shared',
    },
    model: {
      name: 'order-tracking-web',
      serviceKind: 'web-app',
      tier: 'internal',
      clouds: ['gcp'],
    },
    files: {},
  },
};

/** Waybill's readiness document as scorecards' parser (readiness.ts) accepts it, strictly. */
const readinessSchema = z.strictObject({
  previousVersionDeployable: z.boolean(),
  migrationsReversible: z.boolean(),
  lastRollbackDrill: z.iso.date().nullable(),
  killSwitch: z.boolean(),
});

type Result = {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
};

/** The environment of the generated repository's commands: nothing of Jest's or Yarn's. */
function childEnv(extra: Record<string, string | undefined> = {}) {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(npm_|NODE_OPTIONS$|NODE_ENV$|JEST_|INIT_CWD$|PROJECT_CWD$|BERRY_)/i.test(
        key,
      )
    ) {
      env[key] = value;
    }
  }
  return { ...env, CI: 'true', ...extra };
}

/** Runs a command without blocking the event loop (the test's own HTTP servers keep serving). */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', reject);
    child.on('close', code =>
      resolve({ code, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

/** Runs a command that must succeed; the error carries its output. */
async function ok(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Result> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${
        options.cwd
      }\n--- stdout\n${result.stdout.slice(
        -6000,
      )}\n--- stderr\n${result.stderr.slice(-6000)}`,
    );
  }
  return result;
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function serve(
  handler: http.RequestListener,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts the built service and waits for it to log that it listens. */
async function startService(
  dir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/index.js'], {
    cwd: dir,
    env: childEnv({ PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the service did not start: ${output}`)),
      15_000,
    );
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', d => (output += d));
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`the service exited ${code}: ${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise(resolve => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

type JUnitCase = { name: string; failure?: string };

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The test cases of a JUnit report, with their failure messages. */
function junitCases(file: string): JUnitCase[] {
  const xml = fs.readFileSync(file, 'utf8');
  expect(xml).toMatch(/^<\?xml[^>]*>\s*<testsuites[\s>]/);
  expect(xml.trimEnd()).toMatch(/<\/testsuites>$/);
  const cases: JUnitCase[] = [];
  const re = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const m of xml.matchAll(re)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const failure = /<failure\b[^>]*\bmessage="([^"]*)"/.exec(m[2] ?? '')?.[1];
    cases.push(
      failure === undefined
        ? { name: unescapeXml(name) }
        : { name: unescapeXml(name), failure: unescapeXml(failure) },
    );
  }
  return cases;
}

const timings: string[] = [];
function timed(label: string, result: Result): Result {
  timings.push(`${label}: ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}

describe('generated repositories pass their own checks', () => {
  let server: Server;
  let root: string;
  let npmCache: string;
  const dirs: Record<string, string> = {};
  const started = Date.now();

  beforeAll(async () => {
    server = await startDryRunBackend();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'waybill-generated-'));
    // One npm cache for the three installs, empty at first: only the registry serves them.
    npmCache = path.join(root, 'npm-cache');
  }, MINUTE);

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(
      `Generated repositories (${Math.round(
        (Date.now() - started) / 1000,
      )} s in all)\n${timings.join('\n')}`,
    );
    if (process.env.WAYBILL_KEEP_GENERATED) {
      // eslint-disable-next-line no-console
      console.log(`kept ${root}`);
    } else if (root) {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  const npm = (dir: string, args: string[]) =>
    run('npm', args, {
      cwd: dir,
      env: childEnv({
        npm_config_cache: npmCache,
        npm_config_update_notifier: 'false',
      }),
    });
  const npmOk = async (dir: string, args: string[]) => {
    const result = await npm(dir, args);
    if (result.code !== 0) {
      throw new Error(
        `npm ${args.join(' ')} exited ${result.code}\n${result.stdout.slice(
          -8000,
        )}\n${result.stderr.slice(-8000)}`,
      );
    }
    return result;
  };

  describe.each(Object.keys(CASES))('%s', templateName => {
    const { values, model } = CASES[templateName];
    let dir: string;

    it(
      'renders through the scaffolder dry run, with the repository tooling',
      async () => {
        const rendered = new Map(
          Object.entries(
            expectDryRunRendered(await dryRun(server, templateName, values)),
          ),
        );

        dir = path.join(root, templateName);
        dirs[templateName] = dir;
        // The skeleton no longer carries what the tooling provides, so nothing is written twice:
        // a file the dry run already has (once waybill:pipeline:generate writes the tooling)
        // must be exactly the tooling's.
        const tooling = repositoryFiles(
          parsePipelineModel({
            ...model,
            businessProcesses: values.businessProcesses,
          }),
        );
        const overlapping = tooling.filter(f => rendered.has(f.path));
        expect(
          overlapping.map(f => ({
            path: f.path,
            content: rendered.get(f.path),
          })),
        ).toEqual(overlapping);
        const files = new Map([
          ...rendered,
          ...tooling.map(f => [f.path, f.content] as const),
        ]);
        for (const [file, content] of files) {
          expect({ file, leftover: content.includes('${{ values') }).toEqual({
            file,
            leftover: false,
          });
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), content);
        }
        expect(files.get('.nvmrc')).toBe('22\n');
        expect(JSON.parse(files.get('package.json')!).name).toBe(model.name);
        for (const [file, content] of Object.entries(
          CASES[templateName].files,
        )) {
          expect({
            file,
            content: JSON.parse(files.get(file) ?? 'null'),
          }).toEqual({
            file,
            content,
          });
        }
      },
      MINUTE,
    );

    it(
      'installs from its lockfile with npm ci',
      async () => {
        const result = timed(
          `${templateName} npm ci`,
          await npmOk(dir, [
            'ci',
            '--ignore-scripts',
            '--no-audit',
            '--no-fund',
          ]),
        );
        expect(result.stdout).toMatch(/added \d+ packages/);
        expect(fs.existsSync(path.join(dir, 'node_modules/.bin/tsc'))).toBe(
          true,
        );
      },
      5 * MINUTE,
    );

    it(
      'lints, is formatted and type checks',
      async () => {
        const [lint, format, typecheck] = await Promise.all([
          npm(dir, ['run', 'lint']),
          npm(dir, ['run', 'format:check']),
          npm(dir, ['run', 'typecheck']),
        ]);
        const failures = Object.entries({ lint, format, typecheck })
          .map(([name, result]) => {
            timed(`${templateName} ${name}`, result);
            return {
              name,
              code: result.code,
              output: result.stdout + result.stderr,
            };
          })
          .filter(r => r.code !== 0);
        expect(failures).toEqual([]);
        expect(format.stdout).toMatch(
          /All matched files use Prettier code style/,
        );
      },
      3 * MINUTE,
    );

    it(
      'writes its SBOM (CycloneDX) and ESLint findings (SARIF) for the evidence',
      async () => {
        timed(`${templateName} sbom`, await npmOk(dir, ['run', 'sbom']));
        const sbom = JSON.parse(
          fs.readFileSync(path.join(dir, 'reports/sbom.cdx.json'), 'utf8'),
        );
        expect(sbom).toMatchObject({
          bomFormat: 'CycloneDX',
          metadata: {
            component: { purl: `pkg:npm/${model.name}@0.1.0` },
          },
          // The image ships dist/ only: the service has no runtime dependencies.
          components: [],
        });

        const sarifFile = path.join(dir, 'reports/sast/eslint.sarif');
        timed(
          `${templateName} lint:sarif`,
          await npmOk(dir, ['run', 'lint:sarif']),
        );
        const clean = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
        expect(clean).toMatchObject({
          version: '2.1.0',
          runs: [{ tool: { driver: { name: 'ESLint' } }, results: [] }],
        });

        // A finding is reported with its rule and place, and fails the script.
        const probe = path.join(dir, 'src/lint-probe.ts');
        fs.writeFileSync(probe, 'export function probe() {\n  debugger;\n}\n');
        try {
          const findings = await npm(dir, ['run', 'lint:sarif']);
          expect(findings.code).not.toBe(0);
          const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
          expect(log.runs[0].results).toEqual([
            expect.objectContaining({
              ruleId: 'no-debugger',
              level: 'error',
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: {
                      uri: 'src/lint-probe.ts',
                      uriBaseId: '%SRCROOT%',
                    },
                    region: expect.objectContaining({ startLine: 2 }),
                  },
                },
              ],
            }),
          ]);
          expect(
            log.runs[0].tool.driver.rules[log.runs[0].results[0].ruleIndex].id,
          ).toBe('no-debugger');
        } finally {
          fs.rmSync(probe);
        }
      },
      MINUTE,
    );

    /** Runs `npm run test:<kind>`, which must pass: the cases of its JUnit report. */
    const testCases = async (kind: 'unit' | 'integration') => {
      const result = timed(
        `${templateName} test:${kind}`,
        await npmOk(dir, ['run', `test:${kind}`]),
      );
      expect(result.stdout).toMatch(/ℹ fail 0/);
      return junitCases(path.join(dir, `reports/junit/${kind}.xml`));
    };

    it(
      'runs its unit tests into JUnit and LCOV reports',
      async () => {
        const cases = await testCases('unit');
        expect(cases.length).toBeGreaterThanOrEqual(3);
        expect(cases.filter(c => c.failure)).toEqual([]);
        const lcov = fs.readFileSync(
          path.join(dir, 'reports/coverage/lcov.info'),
          'utf8',
        );
        const sources = [...lcov.matchAll(/^SF:(.*)$/gm)].map(m => m[1]);
        expect(sources.length).toBeGreaterThan(0);
        // Coverage of the service's code, not of the tests.
        expect(sources.every(s => s.startsWith('src/'))).toBe(true);
        expect(lcov).toMatch(/^LH:[1-9]\d*$/m);
        expect(lcov.trimEnd()).toMatch(/end_of_record$/);
      },
      2 * MINUTE,
    );

    it(
      'runs its integration tests against the server over HTTP',
      async () => {
        const cases = await testCases('integration');
        expect(cases.length).toBeGreaterThanOrEqual(3);
        expect(cases.filter(c => c.failure)).toEqual([]);
      },
      2 * MINUTE,
    );

    it(
      'builds dist/ from src/ and validates the repository',
      async () => {
        timed(`${templateName} build`, await npmOk(dir, ['run', 'build']));
        const built = fs.readdirSync(path.join(dir, 'dist'));
        expect(built).toContain('index.js');
        expect(built).toContain('app.js');
        // Relative imports were rewritten to .js.
        expect(
          fs.readFileSync(path.join(dir, 'dist/index.js'), 'utf8'),
        ).toMatch(/from ["']\.\/app\.js["']/);

        const strategyFile = 'waybill/rollout-strategy.yaml';
        /** Runs validate-repository on a catalog file and a strategy (through `ok`: must pass). */
        const validate = (
          catalogFile: string,
          strategy = strategyFile,
          runner = run,
        ) =>
          runner(
            process.execPath,
            [
              'scripts/validate-repository.mjs',
              catalogFile,
              strategy,
              'deploy/kubernetes',
            ],
            { cwd: dir },
          );
        // The strategy waybill:pipeline:generate wrote, in tenant-rollouts' format.
        const generated = parse(
          fs.readFileSync(path.join(dir, strategyFile), 'utf8'),
        );
        expect(Array.isArray(generated.waves)).toBe(true);
        const result = timed(
          `${templateName} validate-repository`,
          await validate('catalog-info.yaml', strategyFile, ok),
        );
        expect(result.stdout).toMatch(/are valid/);

        // What it refuses: duplicate waves, a catalog entity without its tier.
        fs.writeFileSync(
          path.join(dir, 'bad-strategy.yaml'),
          stringify({ waves: [{ name: 'canary' }, { name: 'canary' }] }),
        );
        const duplicate = await validate(
          'catalog-info.yaml',
          'bad-strategy.yaml',
        );
        expect(duplicate.code).toBe(1);
        expect(duplicate.stderr).toMatch(
          /waves\[1\]\.name canary is used twice/,
        );
        const entity = parse(
          fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
        );
        delete entity.metadata.annotations['waybill.dev/tier'];
        fs.writeFileSync(path.join(dir, 'bad-catalog.yaml'), stringify(entity));
        const noTier = await validate('bad-catalog.yaml');
        expect(noTier.code).toBe(1);
        expect(noTier.stderr).toMatch(/waybill.dev\/tier must be/);

        // The business processes: well-formed Domain names or refs, exactly those the pipeline
        // was generated for (any order, by name or full ref); nothing else.
        const chosen = values.businessProcesses as string[];
        const withProcesses = async (annotation: string | undefined) => {
          const copy = parse(
            fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
          );
          if (annotation === undefined) {
            delete copy.metadata.annotations['waybill.dev/business-processes'];
          } else {
            copy.metadata.annotations['waybill.dev/business-processes'] =
              annotation;
          }
          fs.writeFileSync(path.join(dir, 'bad-catalog.yaml'), stringify(copy));
          return validate('bad-catalog.yaml');
        };
        const asRefs = await withProcesses([...chosen].reverse().join(','));
        expect(asRefs.stderr).toBe('');
        expect(asRefs.code).toBe(0);
        const missing = await withProcesses(undefined);
        expect(missing.code).toBe(1);
        expect(missing.stderr).toMatch(
          /waybill.dev\/business-processes is missing/,
        );
        const malformed = await withProcesses(
          `${chosen.join(', ')}, component:default/sales, bad name!`,
        );
        expect(malformed.code).toBe(1);
        expect(malformed.stderr).toContain(
          'waybill.dev/business-processes names "component:default/sales", which is no Domain name or ref',
        );
        expect(malformed.stderr).toContain('names "bad name!", which is no');
        const other = await withProcesses(
          'order-to-cash, inventory-allocation',
        );
        expect(other.code).toBe(1);
        expect(other.stderr).toContain(
          `bad-catalog.yaml: waybill.dev/business-processes names domain:default/order-to-cash, domain:default/inventory-allocation, but the pipeline checks the business transactions of ${chosen.join(
            ', ',
          )}; name those, or generate the pipeline again`,
        );
        fs.rmSync(path.join(dir, 'bad-strategy.yaml'));
        fs.rmSync(path.join(dir, 'bad-catalog.yaml'));
      },
      2 * MINUTE,
    );

    it(
      'passes its smoke and business checks against the built service',
      async () => {
        const service = await startService(dir);
        try {
          const smoke = timed(
            `${templateName} test:smoke`,
            await npmOk(dir, [
              'run',
              'test:smoke',
              '--',
              '--base-url',
              service.url,
            ]),
          );
          expect(smoke.stdout).toMatch(/smoke: \d+ passed, 0 failed/);
          const smokeCases = junitCases(
            path.join(dir, 'reports/junit/smoke.xml'),
          );
          expect(smokeCases[0]).toEqual({
            name: 'GET /healthz answers 200 { status: ok }',
          });
          expect(smokeCases.length).toBeGreaterThanOrEqual(2);
          expect(smokeCases.filter(c => c.failure)).toEqual([]);

          const business = timed(
            `${templateName} test:business`,
            await npmOk(dir, [
              'run',
              'test:business',
              '--',
              '--process',
              'order-to-cash',
              '--base-url',
              service.url,
              '--junit',
              'reports/junit/business.xml',
            ]),
          );
          expect(business.stdout).toMatch(
            /business order-to-cash: \d+ passed, 0 failed/,
          );
          const businessCases = junitCases(
            path.join(dir, 'reports/junit/business.xml'),
          );
          expect(businessCases.length).toBeGreaterThanOrEqual(2);
          expect(businessCases.filter(c => c.failure)).toEqual([]);
        } finally {
          await service.stop();
        }
      },
      2 * MINUTE,
    );

    /**
     * Runs `npm run <script>` (a check runner) with `args`, reporting to `junit`; it must fail.
     * Answers the cases of its report.
     */
    const failingChecks = async (
      script: 'test:smoke' | 'test:business',
      args: string[],
      junit: string,
    ) => {
      const result = await npm(dir, [
        'run',
        script,
        '--',
        ...args,
        '--junit',
        junit,
      ]);
      expect(result.code).not.toBe(0);
      return junitCases(path.join(dir, junit));
    };

    it(
      'fails its smoke and business checks when the service does not answer as it should',
      async () => {
        // Nothing listens on the port.
        const nothing = `http://127.0.0.1:${await freePort()}`;
        const down = await failingChecks(
          'test:smoke',
          ['--base-url', nothing, '--wait-seconds', '2'],
          'reports/junit/smoke-down.xml',
        );
        expect(down[0].failure).toMatch(/is unreachable after \d+ attempt/);

        // A server answering 500 to everything.
        const broken = await serve((_req, res) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":"boom"}');
        });
        try {
          const smoke = await failingChecks(
            'test:smoke',
            ['--base-url', broken.url],
            'reports/junit/smoke-500.xml',
          );
          expect(smoke.length).toBeGreaterThanOrEqual(2);
          expect(
            smoke.every(c => /answered 500, expected/.test(c.failure ?? '')),
          ).toBe(true);

          const business = await failingChecks(
            'test:business',
            ['--process', 'order-to-cash', '--base-url', broken.url],
            'reports/junit/business-500.xml',
          );
          expect(
            business.every(c => /answered 500/.test(c.failure ?? '')),
          ).toBe(true);
        } finally {
          await broken.close();
        }

        // The real service with its kill switch on: business transactions are refused.
        const killed = await startService(dir, { KILL_SWITCH: 'on' });
        try {
          const business = await failingChecks(
            'test:business',
            [
              '--process',
              'procure-to-pay',
              '--base-url',
              killed.url,
              '--wait-seconds',
              '0',
            ],
            'reports/junit/business-killed.xml',
          );
          expect(business.some(c => /answered 503/.test(c.failure ?? ''))).toBe(
            true,
          );
        } finally {
          await killed.stop();
        }
      },
      2 * MINUTE,
    );

    it(
      'drills a rollback with kubectl and writes readiness evidence',
      async () => {
        const bin = path.join(root, `kubectl-${templateName}`);
        fs.mkdirSync(bin);
        const log = path.join(bin, 'calls.log');
        // A recording kubectl: logs its argv, answers `rollout history` with KUBECTL_REVISIONS.
        fs.writeFileSync(
          path.join(bin, 'kubectl'),
          [
            '#!/usr/bin/env bash',
            'printf \'%s\\n\' "$*" >> "$KUBECTL_LOG"',
            'case "$*" in',
            '  *"rollout history"*)',
            '    echo "deployment.apps/$SERVICE"',
            '    echo "REVISION  CHANGE-CAUSE"',
            '    for r in $(seq 1 "${KUBECTL_REVISIONS:-2}"); do echo "$r         <none>"; done',
            '    echo ;;',
            '  *"rollout undo"*) echo "deployment.apps/$SERVICE rolled back" ;;',
            '  *"rollout status"*) echo "deployment \\"$SERVICE\\" successfully rolled out" ;;',
            '  *) echo "unexpected kubectl $*" >&2; exit 1 ;;',
            'esac',
            '',
          ].join('\n'),
          { mode: 0o755 },
        );
        const env = (extra: Record<string, string> = {}) =>
          childEnv({
            PATH: `${bin}${path.delimiter}${process.env.PATH}`,
            KUBECTL_LOG: log,
            SERVICE: model.name,
            NAMESPACE: `${model.name}-staging`,
            npm_config_cache: npmCache,
            ...extra,
          });
        /** The arguments of `npm run rollback:drill` against `baseUrl`, and `more`. */
        const drillArgs = (baseUrl: string, ...more: string[]) => [
          'run',
          'rollback:drill',
          '--',
          '--base-url',
          baseUrl,
          '--report',
          'reports/readiness.json',
          ...more,
        ];
        const readiness = () =>
          JSON.parse(
            fs.readFileSync(path.join(dir, 'reports/readiness.json'), 'utf8'),
          );
        const runDrill = async (
          baseUrl: string,
          extra: Record<string, string> = {},
        ) => {
          fs.rmSync(log, { force: true });
          const result = await run(
            'npm',
            drillArgs(baseUrl, '--health-wait-seconds', '2'),
            { cwd: dir, env: env(extra) },
          );
          const calls = fs.existsSync(log)
            ? fs.readFileSync(log, 'utf8').trim().split('\n')
            : [];
          const report = readiness();
          expect(readinessSchema.safeParse(report).error).toBeUndefined();
          return { result, calls, report };
        };
        const ns = `--namespace ${model.name}-staging`;
        const deployment = `deployment/${model.name}`;
        // A drill with a previous revision: back to it, healthy or not, and forward again.
        const backAndForward = [
          `${ns} rollout history ${deployment}`,
          `${ns} rollout undo ${deployment} --to-revision=1`,
          `${ns} rollout status ${deployment} --timeout=300s`,
          `${ns} rollout undo ${deployment} --to-revision=2`,
          `${ns} rollout status ${deployment} --timeout=300s`,
        ];

        const service = await startService(dir);
        try {
          const good = await runDrill(service.url, {});
          timings.push(
            `${templateName} rollback:drill: ${(good.result.ms / 1000).toFixed(
              1,
            )} s`,
          );
          expect(good.result.stderr).not.toMatch(/FAILED/);
          expect(good.result.code).toBe(0);
          expect(good.calls).toEqual(backAndForward);
          expect(good.report).toEqual({
            previousVersionDeployable: true,
            migrationsReversible: true,
            lastRollbackDrill: new Date().toISOString().slice(0, 10),
            // Every Deployment in deploy/kubernetes declares KILL_SWITCH.
            killSwitch: true,
          });

          // The first release: nothing earlier to return to, so nothing is rolled back and
          // there is no drill to date, but the release can go back (to nothing).
          const first = await runDrill(service.url, { KUBECTL_REVISIONS: '1' });
          expect(first.result.code).toBe(0);
          expect(first.result.stdout).toMatch(/first release/);
          expect(first.calls).toEqual([`${ns} rollout history ${deployment}`]);
          expect(first.report).toMatchObject({
            previousVersionDeployable: true,
            lastRollbackDrill: null,
          });
          // No revision at all: the deployment is not there, the drill fails.
          const none = await runDrill(service.url, { KUBECTL_REVISIONS: '0' });
          expect(none.result.code).toBe(1);
          expect(none.result.stderr).toMatch(/has no revision/);
          expect(none.report).toMatchObject({
            previousVersionDeployable: false,
          });
        } finally {
          await service.stop();
        }

        // The previous version does not turn healthy: rolled forward anyway, and failed.
        const broken = await serve((_req, res) => {
          res.writeHead(500).end();
        });
        try {
          const unhealthy = await runDrill(broken.url);
          expect(unhealthy.result.code).toBe(1);
          expect(unhealthy.calls).toEqual(backAndForward);
          expect(unhealthy.report).toMatchObject({
            previousVersionDeployable: false,
            lastRollbackDrill: null,
          });
        } finally {
          await broken.close();
        }

        // A migration without a way down, and manifests without the kill switch.
        fs.mkdirSync(path.join(dir, 'migrations'));
        fs.writeFileSync(
          path.join(dir, 'migrations/001_orders.up.sql'),
          'create table orders (id text primary key);\n',
        );
        const manifests = path.join(root, `manifests-${templateName}`);
        fs.mkdirSync(manifests);
        fs.writeFileSync(
          path.join(manifests, 'deployment.yaml'),
          stringify({
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: model.name },
            spec: {
              template: {
                spec: { containers: [{ name: 'app', image: 'x', env: [] }] },
              },
            },
          }),
        );
        const healthy = await startService(dir);
        try {
          const result = await run(
            'npm',
            drillArgs(healthy.url, '--manifests', manifests),
            { cwd: dir, env: env() },
          );
          expect(result.code).toBe(0);
          expect(readiness()).toMatchObject({
            migrationsReversible: false,
            killSwitch: false,
          });
          fs.writeFileSync(
            path.join(dir, 'migrations/001_orders.down.sql'),
            'drop table orders;\n',
          );
          await ok('npm', drillArgs(healthy.url), { cwd: dir, env: env() });
          expect(readiness()).toMatchObject({
            migrationsReversible: true,
            killSwitch: true,
          });
        } finally {
          await healthy.stop();
          fs.rmSync(path.join(dir, 'migrations'), { recursive: true });
        }
      },
      2 * MINUTE,
    );
  });

  describe('contract tests against the catalog', () => {
    const token = 'test-token';
    let catalog: { url: string; close: () => Promise<void> };
    const authorizations: string[] = [];
    let served: Record<string, unknown> = {};

    const apiEntity = (name: string, version: string, paths: object) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name,
        annotations: { 'waybill.dev/api-version': version },
      },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'procurement-systems',
        definition: stringify({
          openapi: '3.0.3',
          info: { title: name, version },
          paths,
        }),
      },
    });

    beforeAll(async () => {
      catalog = await serve((req, res) => {
        authorizations.push(req.headers.authorization ?? '');
        const m =
          /^\/api\/catalog\/entities\/by-name\/api\/default\/([^/]+)$/.exec(
            req.url ?? '',
          );
        const entity = m && served[m[1]];
        if (!entity) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"name":"NotFoundError"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(entity));
      });
    }, MINUTE);
    afterAll(() => catalog?.close());

    const contract = (api: string, range: string) =>
      run(
        process.execPath,
        ['test/contract/run.mjs', '--api', api, '--range', range],
        {
          cwd: dirs['erp-integration-worker'],
          env: childEnv({ WAYBILL_URL: catalog.url, WAYBILL_TOKEN: token }),
        },
      );
    /** Serves `entities`, runs the contract test of `api` for `range`: its outcome and report. */
    const checkContract = async (
      entities: Record<string, unknown>,
      api: string,
      range: string,
    ) => {
      served = entities;
      const result = await contract(api, range);
      const report = junitCases(
        path.join(
          dirs['erp-integration-worker'],
          `reports/junit/contract-${api}.xml`,
        ),
      );
      return { result, report };
    };
    const purchaseOrders = (version: string, paths: object) => ({
      'purchase-orders-api': apiEntity('purchase-orders-api', version, paths),
    });
    /** purchase-orders-api 2.0.3, with the operation the worker uses (by another parameter name). */
    const purchaseOrders203 = purchaseOrders('2.0.3', {
      '/tenants/{tenantId}/purchase-orders': { get: {} },
      '/tenants/{tenant}/supplier-invoices': {
        parameters: [],
        post: { responses: { 201: { description: 'created' } } },
      },
    });
    const salesOrders = {
      'sales-orders-api': apiEntity('sales-orders-api', '2.4.0', {
        '/tenants/{tenantId}/sales-orders': { get: {} },
      }),
      'empty-api': apiEntity('empty-api', '1.0.0', {}),
    };
    const supplierInvoices =
      'POST /tenants/{tenantId}/supplier-invoices is in purchase-orders-api';

    it(
      'passes when the provider is in range and has every operation the worker uses',
      async () => {
        const { result, report } = await checkContract(
          purchaseOrders203,
          'purchase-orders-api',
          '>=2.0.0 <3.0.0',
        );
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(authorizations.pop()).toBe(`Bearer ${token}`);
        expect(report).toEqual([
          { name: 'purchase-orders-api is in the catalog' },
          { name: 'purchase-orders-api 2.0.3 satisfies >=2.0.0 <3.0.0' },
          { name: 'purchase-orders-api definition parses' },
          { name: `${supplierInvoices} 2.0.3` },
        ]);
      },
      MINUTE,
    );

    it(
      'checks an API the service declares no operations for by its definition',
      async () => {
        const { result, report } = await checkContract(
          salesOrders,
          'sales-orders-api',
          '^2.4.0',
        );
        expect(result.code).toBe(0);
        expect(report).toEqual([
          { name: 'sales-orders-api is in the catalog' },
          { name: 'sales-orders-api 2.4.0 satisfies ^2.4.0' },
          { name: 'sales-orders-api definition parses' },
        ]);
      },
      MINUTE,
    );

    it(
      'reads every range form of the catalog conventions',
      async () => {
        const expected: Record<string, boolean> = {
          '^2.0.0': true,
          '^2.0.4': false,
          '~2.0.1': true,
          '~2.1.0': false,
          '>=2.0.3': true,
          '>2.0.3': false,
          '<=2.0.3': true,
          '<2.0.3': false,
          '=2.0.3': true,
          '2.0.3': true,
          '2.0.2': false,
          '>=1.0.0 <2.0.0': false,
          '^1.9.0': false,
        };
        served = purchaseOrders203;
        const outcomes = await Promise.all(
          Object.keys(expected).map(async range => [
            range,
            (await contract('purchase-orders-api', range)).code === 0,
          ]),
        );
        expect(Object.fromEntries(outcomes)).toEqual(expected);
      },
      MINUTE,
    );

    // Each failure is the one case of its report that fails, naming what is wrong; the checks
    // that could still run, ran.
    it.each([
      {
        when: 'the provider is out of range, naming the version',
        entities: purchaseOrders203,
        api: 'purchase-orders-api',
        range: '^3.0.0',
        passed: [
          'purchase-orders-api is in the catalog',
          'purchase-orders-api definition parses',
          `${supplierInvoices} 2.0.3`,
        ],
        failed: {
          name: 'purchase-orders-api 2.0.3 satisfies ^3.0.0',
          failure: expect.stringContaining(
            'purchase-orders-api is at 2.0.3, outside the range ^3.0.0',
          ),
        },
      },
      {
        when: 'an operation the worker uses is gone',
        entities: purchaseOrders('2.1.0', {
          '/tenants/{tenantId}/supplier-invoices': { get: {} },
        }),
        api: 'purchase-orders-api',
        range: '^2.0.0',
        passed: [
          'purchase-orders-api is in the catalog',
          'purchase-orders-api 2.1.0 satisfies ^2.0.0',
          'purchase-orders-api definition parses',
        ],
        failed: {
          name: `${supplierInvoices} 2.1.0`,
          failure: expect.stringContaining(
            'has no POST on /tenants/{tenantId}/supplier-invoices (it has GET)',
          ),
        },
      },
      {
        when: 'the definition has no paths',
        entities: salesOrders,
        api: 'empty-api',
        range: '^1.0.0',
        passed: [
          'empty-api is in the catalog',
          'empty-api 1.0.0 satisfies ^1.0.0',
        ],
        failed: {
          name: 'empty-api definition parses',
          failure: 'empty-api spec.definition has no paths',
        },
      },
      {
        when: 'the catalog does not have the API',
        entities: {},
        api: 'purchase-orders-api',
        range: '^2.0.0',
        passed: [],
        failed: {
          name: 'purchase-orders-api is in the catalog',
          failure: expect.stringContaining(
            'the catalog has no API default/purchase-orders-api (404',
          ),
        },
      },
    ])(
      'fails when $when',
      async ({ entities, api, range, passed, failed }) => {
        const { result, report } = await checkContract(entities, api, range);
        expect(result.code).toBe(1);
        expect(report.filter(c => c.failure)).toEqual([failed]);
        expect(report.filter(c => !c.failure).map(c => c.name)).toEqual(passed);
      },
      MINUTE,
    );
  });
});
