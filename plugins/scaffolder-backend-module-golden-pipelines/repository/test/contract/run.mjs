// Contract tests against a provider API as the Waybill catalog publishes it: the API entity's
// version (annotation waybill.dev/api-version) must satisfy the range this service supports,
// and every operation the service declares it uses in test/contract/<api>.json must exist in
// the entity's definition (OpenAPI, YAML or JSON). Without that file, the definition must parse
// and describe its paths (OpenAPI) or channels (AsyncAPI).
//
//   WAYBILL_URL=https://waybill.example.com WAYBILL_TOKEN=... \
//     npm run test:contract -- --api sales-orders-api --range '^2.4.0' [--junit reports/junit/contract-sales-orders-api.xml]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readJson } from '../../scripts/lib/http.mjs';
import { CheckRun } from '../../scripts/lib/junit.mjs';
import { parseVersion, satisfies } from '../../scripts/lib/semver.mjs';

const VERSION_ANNOTATION = 'waybill.dev/api-version';
const NAME = /^[a-z0-9][a-z0-9-]*$/;
const METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

const { values: args } = parseArgs({
  options: {
    api: { type: 'string' },
    range: { type: 'string' },
    junit: { type: 'string' },
  },
});
const api = args.api ?? '';
const range = args.range ?? '';
const junit =
  args.junit ??
  `reports/junit/contract-${NAME.test(api) ? api : 'unknown'}.xml`;
const run = new CheckRun(`contract ${api}`.trim());

/** Fails the named check and ends the run. */
function stop(name, reason) {
  run.fail(name, reason);
  process.exit(run.finish(junit));
}

if (!NAME.test(api) || !range) {
  stop(
    'contract arguments',
    'usage: npm run test:contract -- --api <api entity name> --range <semver range>',
  );
}
const waybillUrl = (process.env.WAYBILL_URL ?? '').replace(/\/+$/, '');
const token = process.env.WAYBILL_TOKEN ?? '';
if (!/^https?:\/\//.test(waybillUrl)) {
  stop(
    `${api} is in the catalog`,
    'WAYBILL_URL must be the http(s) URL of the Waybill backend',
  );
}
if (!token) {
  stop(
    `${api} is in the catalog`,
    'WAYBILL_TOKEN is not set: the catalog needs a bearer token',
  );
}

// 1. The provider API as the catalog has it.
const entityUrl = `${waybillUrl}/api/catalog/entities/by-name/api/default/${encodeURIComponent(
  api,
)}`;
let entity;
try {
  const res = await fetch(entityUrl, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status === 404) {
    stop(
      `${api} is in the catalog`,
      `the catalog has no API default/${api} (404 from ${entityUrl})`,
    );
  }
  if (res.status !== 200) {
    stop(
      `${api} is in the catalog`,
      `${entityUrl} answered ${res.status}: ${text.slice(0, 300)}`,
    );
  }
  entity = JSON.parse(text);
} catch (error) {
  stop(
    `${api} is in the catalog`,
    `${entityUrl} failed: ${error.message}${
      error.cause ? ` (${error.cause.code ?? error.cause.message})` : ''
    }`,
  );
}
if (entity?.kind !== 'API') {
  stop(
    `${api} is in the catalog`,
    `${api} is a ${entity?.kind ?? 'document without a kind'}, not an API`,
  );
}
run.pass(`${api} is in the catalog`);

// 2. Its published version satisfies the range this service supports.
const version = entity.metadata?.annotations?.[VERSION_ANNOTATION];
await run.check(
  `${api} ${version ?? '(no version)'} satisfies ${range}`,
  () => {
    if (typeof version !== 'string' || !parseVersion(version)) {
      throw new Error(
        `${api} has no ${VERSION_ANNOTATION} annotation with an x.y.z version (found ${JSON.stringify(
          version,
        )})`,
      );
    }
    if (!satisfies(version, range)) {
      throw new Error(
        `${api} is at ${version}, outside the range ${range} this service supports: update the service (and its range) to the provider's contract`,
      );
    }
  },
);

// 3. Its definition parses, and says which operations (or channels) it has.
let definition;
const parsed = await run.check(`${api} definition parses`, () => {
  const text = entity.spec?.definition;
  if (typeof text !== 'string' || !text.trim()) {
    throw new Error(`${api} has no spec.definition`);
  }
  try {
    definition = parse(text);
  } catch (error) {
    throw new Error(
      `${api} spec.definition is not YAML or JSON: ${error.message}`,
    );
  }
  const asyncApi =
    entity.spec?.type === 'asyncapi' || definition?.asyncapi !== undefined;
  const key = asyncApi ? 'channels' : 'paths';
  if (
    definition === null ||
    typeof definition !== 'object' ||
    definition[key] === null ||
    typeof definition[key] !== 'object' ||
    Object.keys(definition[key]).length === 0
  ) {
    throw new Error(`${api} spec.definition has no ${key}`);
  }
  const infoVersion = definition.info?.version;
  if (
    infoVersion !== undefined &&
    version !== undefined &&
    String(infoVersion) !== version
  ) {
    throw new Error(
      `${api} spec.definition info.version ${infoVersion} differs from its ${VERSION_ANNOTATION} ${version}`,
    );
  }
});

// 4. Every operation this service uses exists in it.
const declaredFile = fileURLToPath(new URL(`./${api}.json`, import.meta.url));
if (existsSync(declaredFile)) {
  let operations = [];
  try {
    operations = readJson(declaredFile).operations;
    if (!Array.isArray(operations) || operations.length === 0) {
      throw new Error(
        `test/contract/${api}.json must list the operations the service uses`,
      );
    }
    for (const [i, op] of operations.entries()) {
      if (
        !METHODS.includes(String(op?.method).toLowerCase()) ||
        typeof op?.path !== 'string' ||
        !op.path.startsWith('/')
      ) {
        throw new Error(
          `test/contract/${api}.json operations[${i}] must be { "method": "get|post|...", "path": "/..." }`,
        );
      }
    }
  } catch (error) {
    stop(`test/contract/${api}.json is valid`, error.message);
  }
  // Path parameters match whatever they are called: /orders/{id} is /orders/{orderNumber}.
  const shape = path =>
    path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
  const paths = new Map(
    Object.entries((parsed && definition?.paths) || {}).map(([path, item]) => [
      shape(path),
      item,
    ]),
  );
  for (const op of operations) {
    const method = op.method.toLowerCase();
    await run.check(
      `${method.toUpperCase()} ${op.path} is in ${api} ${version ?? ''}`.trim(),
      () => {
        if (!parsed) {
          throw new Error(
            `${api} has no readable definition to look ${op.path} up in`,
          );
        }
        const item = paths.get(shape(op.path));
        if (!item) {
          throw new Error(`${api} ${version ?? ''} has no path ${op.path}`);
        }
        if (!item[method]) {
          const has = METHODS.filter(m => item[m]).map(m => m.toUpperCase());
          throw new Error(
            `${api} ${version ?? ''} has no ${method.toUpperCase()} on ${
              op.path
            } (it has ${has.join(', ') || 'no operations'})`,
          );
        }
      },
    );
  }
}

process.exit(run.finish(junit));
