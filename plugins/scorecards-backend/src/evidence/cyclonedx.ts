import { InputError } from '@backstage/errors';
import {
  DependencyFacts,
  Severity,
  Vulnerability,
} from '@waybill/plugin-scorecards-common';
import { z } from 'zod';
import { formatPath, isJsonObject, parseJson, validate } from './json';
import {
  compareSeverity,
  emptySeverityCounts,
  maxSeverity,
  MAX_WORST,
  severityFromScore,
} from './severity';
import { compareText, describeValue } from './text';

const LABEL = 'CycloneDX BOM';

const SPEC_VERSIONS = ['1.4', '1.5', '1.6'];

/** How many components the facts list; a larger SBOM keeps the first ones, in code unit order. */
export const MAX_COMPONENTS = 20_000;

/** CycloneDX severities; `unknown` is absent on purpose, so that a score decides instead. */
const RATING_SEVERITY: ReadonlyMap<string, Severity> = new Map<
  string,
  Severity
>([
  ['critical', 'critical'],
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['info', 'info'],
  ['none', 'info'],
]);

/** VEX analysis states saying the release is not exposed, so the vulnerability does not count. */
const NOT_EXPOSED = new Set([
  'resolved',
  'resolved_with_pedigree',
  'false_positive',
  'not_affected',
]);

const vulnerability = z.object({
  id: z.string().optional(),
  'bom-ref': z.string().optional(),
  ratings: z
    .array(
      z.object({
        score: z.number().optional(),
        severity: z.string().optional(),
      }),
    )
    .optional(),
  affects: z.array(z.object({ ref: z.string() })).optional(),
  analysis: z.object({ state: z.string().optional() }).optional(),
});
type BomVulnerability = z.infer<typeof vulnerability>;

// Components nest without bound, so they are walked by readComponents, not by a recursive schema.
const bom = z.object({
  components: z.array(z.unknown()).optional(),
  vulnerabilities: z.array(vulnerability).optional(),
});

/**
 * Parses a CycloneDX 1.4-1.6 JSON BOM (Trivy, cdxgen, syft, grype, ...): its components, nested
 * ones included, and the known vulnerabilities, one per id. The facts have no `diff`: comparing
 * with an earlier release is for whoever knows the releases.
 */
export function parseCycloneDx(body: string): DependencyFacts {
  const document = parseJson(LABEL, body);
  if (!isJsonObject(document)) {
    throw new InputError(`${LABEL} is not a JSON object`);
  }
  if (document.bomFormat !== 'CycloneDX') {
    throw new InputError(
      `not a CycloneDX BOM: bomFormat is ${describeValue(
        document.bomFormat,
      )}, not "CycloneDX"`,
    );
  }
  const { specVersion } = document;
  if (typeof specVersion !== 'string' || !SPEC_VERSIONS.includes(specVersion)) {
    throw new InputError(
      `CycloneDX specVersion ${describeValue(
        specVersion,
      )} is not supported; Waybill reads ${SPEC_VERSIONS.join(', ')}`,
    );
  }
  const { components, vulnerabilities } = validate(bom, document, LABEL, 'bom');

  const byId = new Map<string, Vulnerability>();
  (vulnerabilities ?? []).forEach((entry, i) => {
    if (NOT_EXPOSED.has(entry.analysis?.state ?? '')) {
      return;
    }
    const id = entry.id ?? entry['bom-ref'];
    if (id === undefined) {
      throw new InputError(
        `${LABEL} is invalid: bom.vulnerabilities[${i}] has neither "id" nor "bom-ref"`,
      );
    }
    // Some producers list a vulnerability once per affected component: merge them.
    const found = toVulnerability(id, entry);
    const known = byId.get(id);
    byId.set(id, known ? merge(known, found) : found);
  });

  const vulnerabilitiesBySeverity = emptySeverityCounts();
  const all = [...byId.values()];
  all.forEach(v => vulnerabilitiesBySeverity[v.severity]++);
  const { count, names } = readComponents(components ?? []);
  const listed = [...names].sort(compareText);
  return {
    kind: 'dependencies',
    format: 'cyclonedx',
    specVersion,
    componentCount: count,
    vulnerabilitiesBySeverity,
    worst: [...all]
      .sort(
        (a, b) =>
          compareSeverity(a.severity, b.severity) ||
          (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
          compareText(a.id, b.id),
      )
      .slice(0, MAX_WORST),
    components: listed.slice(0, MAX_COMPONENTS),
    componentsTruncated: listed.length > MAX_COMPONENTS,
    vulnerabilities: all
      .map(({ id, severity }) => ({ id, severity }))
      .sort((a, b) => compareText(a.id, b.id)),
    diff: null,
  };
}

/**
 * The highest severity among the ratings; a rating without a known severity is banded by its
 * score, and a vulnerability with no usable rating at all is `info`.
 */
function toVulnerability(id: string, entry: BomVulnerability): Vulnerability {
  let severity: Severity | undefined;
  let score: number | undefined;
  for (const rating of entry.ratings ?? []) {
    const named = RATING_SEVERITY.get(rating.severity?.toLowerCase() ?? '');
    const rated =
      named ??
      (rating.score !== undefined
        ? severityFromScore(rating.score)
        : undefined);
    if (rated !== undefined) {
      severity = maxSeverity(severity, rated);
    }
    if (rating.score !== undefined) {
      score = Math.max(score ?? rating.score, rating.score);
    }
  }
  const affects = [...new Set((entry.affects ?? []).map(a => a.ref))];
  return {
    id,
    severity: severity ?? 'info',
    ...(score !== undefined ? { score } : {}),
    affects,
  };
}

function merge(a: Vulnerability, b: Vulnerability): Vulnerability {
  const score = Math.max(a.score ?? -Infinity, b.score ?? -Infinity);
  return {
    id: a.id,
    severity: maxSeverity(a.severity, b.severity),
    ...(Number.isFinite(score) ? { score } : {}),
    affects: [...new Set([...a.affects, ...b.affects])],
  };
}

/** Paths deeper than this are not spelled out in messages, to keep them short. */
const MAX_PATH_DEPTH = 8;

/** A list of components still to read: its path (when short enough) and nesting depth. */
interface Nesting {
  list: readonly unknown[];
  path?: readonly (string | number)[];
  depth: number;
}

/** The fields that name a component; each must be a string when present. */
const NAMING_FIELDS = ['purl', 'group', 'name', 'version'] as const;
type NamingField = (typeof NAMING_FIELDS)[number];

/**
 * How a component is listed: its purl, else `group/name@version` (without the parts it lacks);
 * undefined for a component with neither purl nor name.
 */
function componentName(
  fields: Partial<Record<NamingField, string>>,
): string | undefined {
  const { purl, group, name, version } = fields;
  if (purl) return purl;
  if (!name) return undefined;
  return `${group ? `${group}/` : ''}${name}${version ? `@${version}` : ''}`;
}

/**
 * Counts components and their nested components, and names each distinct one, with a work list:
 * nesting may be very deep.
 */
function readComponents(top: readonly unknown[]): {
  count: number;
  names: Set<string>;
} {
  let count = 0;
  const names = new Set<string>();
  const pending: Nesting[] = [{ list: top, path: ['components'], depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { list, path, depth } = next;
    for (const [i, component] of list.entries()) {
      const where = (...rest: string[]) =>
        path
          ? formatPath('bom', [...path, i, ...rest])
          : `a component nested ${depth} deep`;
      if (!isJsonObject(component)) {
        throw new InputError(
          `${LABEL} is invalid: ${where()}: expected a component object`,
        );
      }
      count++;
      const fields: Partial<Record<NamingField, string>> = {};
      for (const field of NAMING_FIELDS) {
        const value = component[field];
        if (typeof value === 'string') {
          fields[field] = value;
        } else if (value !== undefined) {
          throw new InputError(
            `${LABEL} is invalid: ${where(field)}: expected a string`,
          );
        }
      }
      const name = componentName(fields);
      if (name !== undefined) names.add(name);
      const nested = component.components;
      if (Array.isArray(nested)) {
        pending.push({
          list: nested,
          path:
            path && depth < MAX_PATH_DEPTH
              ? [...path, i, 'components']
              : undefined,
          depth: depth + 1,
        });
      } else if (nested !== undefined) {
        throw new InputError(
          `${LABEL} is invalid: ${where('components')}: expected an array`,
        );
      }
    }
  }
  return { count, names };
}
