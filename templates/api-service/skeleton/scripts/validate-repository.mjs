// Source validation: the catalog entity follows Waybill's conventions, the rollout strategy
// and the Kubernetes manifests parse. Run by the pipeline's first stage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const [catalogFile, strategyFile, manifestsDir] = process.argv.slice(2);
const problems = [];
const load = file =>
  parseAllDocuments(readFileSync(file, 'utf8')).map(d => {
    if (d.errors.length) problems.push(`${file}: ${d.errors[0].message}`);
    return d.toJS();
  });

const [entity] = load(catalogFile);
const annotations = entity?.metadata?.annotations ?? {};
if (
  !['critical', 'standard', 'internal'].includes(
    annotations['waybill.dev/tier'],
  )
) {
  problems.push(
    `${catalogFile}: waybill.dev/tier must be critical, standard or internal`,
  );
}
if (!annotations['waybill.dev/business-processes']) {
  problems.push(`${catalogFile}: waybill.dev/business-processes is missing`);
}
const [strategy] = load(strategyFile);
if (!Array.isArray(strategy?.spec?.waves) || strategy.spec.waves.length === 0) {
  problems.push(`${strategyFile}: spec.waves must list the tenant waves`);
}
const walk = dir =>
  readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
for (const file of walk(manifestsDir).filter(f => f.endsWith('.yaml')))
  load(file);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('catalog-info.yaml, rollout strategy and manifests are valid');
