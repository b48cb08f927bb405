// Post-deployment business-transaction checks: sends the synthetic transactions the service
// declares for a business process in test/business/checks.json (the process's own list, else
// "default") and checks each answer. Every request carries x-waybill-synthetic: true and
// x-waybill-process, so the service keeps it away from its systems of record.
//
//   npm run test:business -- --process order-to-cash --base-url https://... --junit reports/junit/business-order-to-cash.xml
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  baseUrlOf,
  declaredChecks,
  readJson,
  runDeclaredChecks,
} from '../../scripts/lib/http.mjs';
import { CheckRun } from '../../scripts/lib/junit.mjs';

// A business process's name as the catalog writes it (the pipeline passes the names of the
// service's processes, or smoke when it has none); it names the JUnit file too.
const PROCESS_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;

const { values: args } = parseArgs({
  options: {
    process: { type: 'string' },
    'base-url': { type: 'string' },
    junit: { type: 'string' },
    'wait-seconds': { type: 'string', default: '10' },
  },
});

const processName = args.process ?? '';
const run = new CheckRun(`business ${processName}`.trim());
const junit =
  args.junit ?? `reports/junit/business-${processName || 'unknown'}.xml`;
let baseUrl;
let checks = [];
try {
  if (!PROCESS_NAME.test(processName)) {
    throw new Error(
      "--process must be a business process's name, such as order-to-cash",
    );
  }
  baseUrl = baseUrlOf(args['base-url']);
  const declared = readJson(
    fileURLToPath(new URL('./checks.json', import.meta.url)),
  );
  const key = Object.hasOwn(declared, processName) ? processName : 'default';
  if (!Object.hasOwn(declared, key)) {
    throw new Error(
      `test/business/checks.json declares no transactions for ${processName} and no default`,
    );
  }
  checks = declaredChecks(declared[key], `test/business/checks.json ${key}`);
} catch (error) {
  run.fail(
    `business transactions of ${processName || '(no process)'}`,
    error.message,
  );
  process.exit(run.finish(junit));
}

// Only the first request waits for the service to be reachable.
await runDeclaredChecks(run, baseUrl, checks, {
  headers: { 'x-waybill-process': processName },
  waitMs: Number(args['wait-seconds']) * 1000 || 0,
});

process.exit(run.finish(junit));
