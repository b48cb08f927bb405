// Source validation, the pipeline's first stage: the catalog entity follows Waybill's
// conventions, the rollout strategy is one the tenant-rollouts plugin accepts, and the
// Kubernetes manifests parse.
//
//   node scripts/validate-repository.mjs catalog-info.yaml waybill/rollout-strategy.yaml deploy/kubernetes
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Waybill's catalog conventions, from @waybill/plugin-waybill-common, and the business processes
// (Domain refs) the pipeline checks the transactions of, as chosen when the repository was
// generated: waybill:pipeline:generate writes them in.
const TIERS = [];
const PROCESSES = [];
const TIER_ANNOTATION = '';
const PROCESSES_ANNOTATION = '';
const TIER_NAMES = `${TIERS.slice(0, -1).join(', ')} or ${TIERS.at(-1)}`;
// An entity ref as the catalog writes one: [kind:][namespace/]name.
const ENTITY_REF =
  /^(?:([a-z][a-z0-9]*):)?(?:([a-z0-9]+(?:-+[a-z0-9]+)*)\/)?([a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?)$/i;
const WAVE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const WAVE_KEYS = [
  'name',
  'select',
  'percent',
  'bakeMinutes',
  'healthThreshold',
];
const SELECTOR_KEYS = [
  'segment',
  'region',
  'tier',
  'cloud',
  'tenancy',
  'tenants',
];
const FORCE_LAST = ['dedicated', 'critical'];
/** The wave tenant-rollouts adds for forceLast tenants. */
const FORCED_LAST_WAVE = 'dedicated-and-critical';

const [catalogFile, strategyFile, manifestsDir] = process.argv.slice(2);
if (!catalogFile || !strategyFile || !manifestsDir) {
  console.error(
    'usage: node scripts/validate-repository.mjs <catalog-info.yaml> <rollout-strategy.yaml> <manifests dir>',
  );
  process.exit(2);
}

const problems = [];
const load = file => {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${file}: cannot be read (${error.code ?? error.message})`);
    return [];
  }
  return parseAllDocuments(text).map(d => {
    if (d.errors.length) {
      problems.push(`${file}: ${d.errors[0].message}`);
      return undefined;
    }
    return d.toJS();
  });
};
const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The business-processes annotation: Domain names or refs, comma-separated, a name read in the
 * entity's namespace. It must name exactly the processes the pipeline checks.
 */
const checkProcesses = (value, namespace) => {
  const entries = (typeof value === 'string' ? value.split(',') : [])
    .map(e => e.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    problems.push(`${catalogFile}: ${PROCESSES_ANNOTATION} is missing`);
    return;
  }
  const refs = entries.map(entry => {
    const [, kind = 'domain', ns = namespace, name] =
      ENTITY_REF.exec(entry) ?? [];
    if (name && kind.toLowerCase() === 'domain') {
      return `domain:${ns}/${name}`.toLowerCase();
    }
    problems.push(
      `${catalogFile}: ${PROCESSES_ANNOTATION} names ${JSON.stringify(
        entry,
      )}, which is no Domain name or ref (domain:<namespace>/<name>)`,
    );
    return undefined;
  });
  if (refs.includes(undefined) || PROCESSES.length === 0) return;
  if (
    refs.some(r => !PROCESSES.includes(r)) ||
    PROCESSES.some(p => !refs.includes(p))
  ) {
    problems.push(
      `${catalogFile}: ${PROCESSES_ANNOTATION} names ${refs.join(
        ', ',
      )}, but the pipeline checks the business transactions of ${PROCESSES.join(
        ', ',
      )}; name those, or generate the pipeline again`,
    );
  }
};

// The catalog entity.
const [entity] = load(catalogFile);
if (isObject(entity)) {
  const annotations = entity.metadata?.annotations ?? {};
  if (!TIERS.includes(annotations[TIER_ANNOTATION])) {
    problems.push(`${catalogFile}: ${TIER_ANNOTATION} must be ${TIER_NAMES}`);
  }
  checkProcesses(
    annotations[PROCESSES_ANNOTATION],
    entity.metadata?.namespace ?? 'default',
  );
} else if (!problems.some(p => p.startsWith(`${catalogFile}:`))) {
  problems.push(`${catalogFile}: must be a catalog entity`);
}

// The rollout strategy, in tenant-rollouts' format: { waves: [...], forceLast?: [...] }.
const [strategy] = load(strategyFile);
if (isObject(strategy)) {
  const at = strategyFile;
  for (const key of Object.keys(strategy)) {
    if (key !== 'waves' && key !== 'forceLast') {
      problems.push(
        `${at}: unknown key ${key} (a rollout strategy has waves and forceLast only)`,
      );
    }
  }
  const { waves } = strategy;
  if (!Array.isArray(waves) || waves.length === 0) {
    problems.push(`${at}: waves must list the tenant waves`);
  } else {
    const seen = new Set();
    waves.forEach((wave, i) => {
      const w = `${at}: waves[${i}]`;
      if (!isObject(wave)) {
        problems.push(`${w} must be a mapping`);
        return;
      }
      for (const key of Object.keys(wave)) {
        if (!WAVE_KEYS.includes(key)) {
          problems.push(`${w} has an unknown key ${key}`);
        }
      }
      if (
        typeof wave.name !== 'string' ||
        !WAVE_NAME.test(wave.name) ||
        wave.name.length > 63
      ) {
        problems.push(
          `${w}.name must be lowercase letters, digits and dashes (at most 63)`,
        );
      } else if (seen.has(wave.name)) {
        problems.push(`${w}.name ${wave.name} is used twice`);
      } else {
        seen.add(wave.name);
      }
      if (wave.select !== undefined) {
        if (!isObject(wave.select)) {
          problems.push(`${w}.select must be a mapping`);
        } else {
          for (const [key, values] of Object.entries(wave.select)) {
            if (!SELECTOR_KEYS.includes(key)) {
              problems.push(`${w}.select has an unknown key ${key}`);
            } else if (
              !Array.isArray(values) ||
              values.length === 0 ||
              values.some(v => typeof v !== 'string' || !v)
            ) {
              problems.push(
                `${w}.select.${key} must be a non-empty list of names`,
              );
            }
          }
        }
      }
      const number = (key, ok, what) => {
        if (
          wave[key] !== undefined &&
          !(typeof wave[key] === 'number' && ok(wave[key]))
        ) {
          problems.push(`${w}.${key} must be ${what}`);
        }
      };
      number(
        'percent',
        v => v > 0 && v <= 100,
        'a number above 0, at most 100',
      );
      number(
        'bakeMinutes',
        v => Number.isInteger(v) && v >= 0 && v <= 10080,
        'whole minutes, 0 to 10080',
      );
      number('healthThreshold', v => v >= 0 && v <= 1, 'a share from 0 to 1');
    });
    if (
      Array.isArray(strategy.forceLast) &&
      strategy.forceLast.length > 0 &&
      seen.has(FORCED_LAST_WAVE)
    ) {
      problems.push(
        `${at}: ${FORCED_LAST_WAVE} is the wave forceLast adds; name the strategy's wave otherwise`,
      );
    }
  }
  if (
    strategy.forceLast !== undefined &&
    (!Array.isArray(strategy.forceLast) ||
      strategy.forceLast.some(v => !FORCE_LAST.includes(v)))
  ) {
    problems.push(`${at}: forceLast must list dedicated and/or critical`);
  }
} else if (!problems.some(p => p.startsWith(`${strategyFile}:`))) {
  problems.push(`${strategyFile}: must be a rollout strategy with waves`);
}

// The Kubernetes manifests.
const walk = dir => {
  try {
    return readdirSync(dir).flatMap(name => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  } catch (error) {
    problems.push(`${dir}: cannot be read (${error.code ?? error.message})`);
    return [];
  }
};
const manifests = walk(manifestsDir).filter(f => /\.ya?ml$/.test(f));
if (
  manifests.length === 0 &&
  !problems.some(p => p.startsWith(`${manifestsDir}:`))
) {
  problems.push(`${manifestsDir}: has no YAML manifests`);
}
for (const file of manifests) {
  load(file).forEach((doc, i) => {
    if (doc !== undefined && doc !== null && !(isObject(doc) && doc.kind)) {
      problems.push(`${file}: document ${i + 1} has no kind`);
    }
  });
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `${catalogFile}, ${strategyFile} and ${manifests.length} manifests in ${manifestsDir} are valid`,
);
