// Smoke tests of a deployment: /healthz answers 200 { status: 'ok' } and the service's main
// route, declared in test/smoke/checks.json, answers as declared. Connection errors (and 502 to
// 504 from a gateway) are retried for --wait-seconds (30) while a fresh deployment starts.
//
//   npm run test:smoke -- --base-url https://staging.example.com [--junit reports/junit/smoke.xml]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  baseUrlOf,
  declaredChecks,
  readJson,
  runDeclaredChecks,
} from '../../scripts/lib/http.mjs';
import { CheckRun } from '../../scripts/lib/junit.mjs';

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    junit: { type: 'string', default: 'reports/junit/smoke.xml' },
    'wait-seconds': { type: 'string', default: '30' },
  },
});

const run = new CheckRun('smoke');
const waitMs = Number(args['wait-seconds']) * 1000;
let baseUrl;
try {
  baseUrl = baseUrlOf(args['base-url']);
  if (!(waitMs >= 0)) {
    throw new Error('--wait-seconds must be a number of seconds');
  }
} catch (error) {
  run.fail('smoke arguments', error.message);
  process.exit(run.finish(args.junit));
}

const HEALTHZ = {
  name: 'GET /healthz answers 200 { status: ok }',
  request: { path: '/healthz' },
  expect: {
    status: 200,
    contentType: 'application/json',
    json: { status: 'ok' },
  },
};
await runDeclaredChecks(run, baseUrl, [HEALTHZ], { waitMs });

const checksFile = fileURLToPath(new URL('./checks.json', import.meta.url));
let checks = [];
try {
  checks = declaredChecks(
    readJson(checksFile).checks,
    'test/smoke/checks.json checks',
  );
} catch (error) {
  run.fail('the service declares its main route', error.message);
}
// The wait for the deployment to come up was spent on /healthz.
await runDeclaredChecks(run, baseUrl, checks);

process.exit(run.finish(args.junit));
