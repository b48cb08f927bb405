import { Random } from '@waybill/bench-utils';
import { DependencyFacts, Severity } from '@waybill/plugin-scorecards-common';
import type { BenchEntity } from './dataset';

/** The npm packages the services of the data set depend on. */
const LIBRARIES = ['axios', 'express', 'lodash', 'pg', 'pino', 'zod'];

/** The severities vulnerabilities are generated in, most severe first. */
const BANDS: Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * A service's packages in a release: the same four of {@link LIBRARIES} in every release, the
 * first upgraded every release, the second every other release, and so on.
 */
function componentsOf(entity: BenchEntity, releaseIndex: number): string[] {
  return LIBRARIES.filter((_, i) => (entity.index + i) % 3 !== 0)
    .map(
      (name, i) =>
        `pkg:npm/${name}@${1 + (entity.index % 4)}.${Math.floor(
          releaseIndex / (i + 1),
        )}.0`,
    )
    .sort();
}

/**
 * A service's SBOM in release `releaseIndex`, as the parser stores it (no diff yet): a few
 * packages and its vulnerabilities, critical and high ones only when `vulnerable` says. Their ids
 * stay the same from release to release (the `n`th of a severity is always the same one), so
 * that releases keep, introduce and fix them.
 */
export function dependencyFacts(
  entity: BenchEntity,
  releaseIndex: number,
  random: Random,
  vulnerable: { critical: boolean; high: boolean },
): DependencyFacts {
  const counts = {
    critical: vulnerable.critical ? random.int(1, 2) : 0,
    high: vulnerable.high ? random.int(1, 4) : 0,
    medium: random.int(0, 6),
    low: random.int(0, 8),
    info: 0,
  };
  const components = componentsOf(entity, releaseIndex);
  // At most 2 + 4 + 6 + 8 = 20: the worst are all of them.
  const worst: DependencyFacts['worst'] = BANDS.flatMap((severity, band) =>
    Array.from({ length: counts[severity] }, (_, n) => ({
      id: `CVE-2025-${10_000 + ((entity.index * 37 + band * 10 + n) % 50_000)}`,
      severity,
      score: Math.round((10 - band * 2.5) * 10) / 10,
      affects: [components[n % components.length]],
    })),
  );
  return {
    kind: 'dependencies',
    format: 'cyclonedx',
    specVersion: random.pick(['1.4', '1.5', '1.6']),
    componentCount: components.length,
    vulnerabilitiesBySeverity: counts,
    worst,
    components,
    componentsTruncated: false,
    vulnerabilities: worst
      .map(({ id, severity }) => ({ id, severity }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    diff: null,
  };
}
