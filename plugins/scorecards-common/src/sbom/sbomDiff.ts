import {
  DependencyFacts,
  SbomDiff,
  SbomVulnerability,
  SEVERITIES,
  SeverityCounts,
} from '../evidence';

/** A release's dependency facts, with the version of the release they belong to. */
export interface ReleaseDependencies {
  version: string;
  facts: DependencyFacts;
}

/** Orders strings by code unit, as the component and vulnerability lists are ordered. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The last component a list covers when it was cut; undefined when it lists them all. */
function coveredUpTo(facts: DependencyFacts): string | undefined {
  if (!facts.componentsTruncated || !facts.components?.length) {
    return undefined;
  }
  return facts.components.reduce((last, c) => (c > last ? c : last));
}

/** The entries of `list` whose key `other` does not hold, in code unit order of their keys. */
function missingFrom<T>(
  list: readonly T[],
  other: readonly T[],
  key: (entry: T) => string,
): T[] {
  const known = new Set(other.map(key));
  return list
    .filter(entry => !known.has(key(entry)))
    .sort((a, b) => compareText(key(a), key(b)));
}

/**
 * What `current` adds and removes against the SBOM of `previous`: components by name,
 * vulnerabilities by id (with the severity of the SBOM that counts them), and the introduced
 * vulnerabilities counted by severity. A vulnerability whose severity changed is neither
 * introduced nor fixed. When a component list was cut (`componentsTruncated`), components are
 * compared only up to the last one both lists cover, so a cut never shows as an addition or a
 * removal. Null when either side lacks its lists (facts stored before Waybill kept them).
 */
export function diffSbom(
  previous: ReleaseDependencies,
  current: DependencyFacts,
): SbomDiff | null {
  const before = previous.facts;
  if (
    !before.components ||
    !before.vulnerabilities ||
    !current.components ||
    !current.vulnerabilities
  ) {
    return null;
  }
  const bounds = [coveredUpTo(before), coveredUpTo(current)].filter(
    (b): b is string => b !== undefined,
  );
  const bound = bounds.length > 0 ? bounds.sort(compareText)[0] : undefined;
  const covered = (list: readonly string[]) =>
    bound === undefined ? list : list.filter(c => c <= bound);
  const name = (c: string) => c;
  const id = (v: SbomVulnerability) => v.id;
  const introducedVulnerabilities = missingFrom(
    current.vulnerabilities,
    before.vulnerabilities,
    id,
  );
  const introducedBySeverity = Object.fromEntries(
    SEVERITIES.map(severity => [severity, 0]),
  ) as SeverityCounts;
  introducedVulnerabilities.forEach(v => introducedBySeverity[v.severity]++);
  return {
    againstVersion: previous.version,
    addedComponents: missingFrom(
      covered(current.components),
      before.components,
      name,
    ),
    removedComponents: missingFrom(
      covered(before.components),
      current.components,
      name,
    ),
    introducedVulnerabilities,
    fixedVulnerabilities: missingFrom(
      before.vulnerabilities,
      current.vulnerabilities,
      id,
    ),
    introducedBySeverity,
  };
}

/**
 * The vulnerabilities a release's SBOM introduces, by severity: those of its diff, or all of them
 * when it has no diff (no earlier release to compare with), as SARIF without a baseline counts
 * every finding as new.
 */
export function newVulnerabilitiesBySeverity(
  facts: DependencyFacts,
): SeverityCounts {
  return facts.diff
    ? facts.diff.introducedBySeverity
    : facts.vulnerabilitiesBySeverity;
}
